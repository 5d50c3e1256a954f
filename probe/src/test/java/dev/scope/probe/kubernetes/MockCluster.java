package dev.scope.probe.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * fabric8's mock API server in CRUD mode (expectations still answer first) over plain HTTP, and a client for it.
 * Used instead of the JUnit extension because the mock blocks its event loop while it closes watches, so on a loaded
 * machine its own shutdown can time out after a test has passed; that failure is the mock's, and is ignored here.
 */
final class MockCluster implements AutoCloseable {
    /** The mock logs every request through java.util.logging; kept strongly so the level sticks. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_LOG.setLevel(Level.WARNING);
    }

    final KubernetesMockServer server;
    final KubernetesClient client;

    MockCluster() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), false);
        server.init();
        client = server.createClient();
    }

    /** Another client of the same server, as a second probe would have. */
    KubernetesClient newClient() {
        return server.createClient();
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            try {
                server.destroy();
            } catch (RuntimeException e) {
                MOCK_LOG.log(Level.WARNING, "the mock API server did not shut down cleanly: " + e.getMessage());
            }
        }
    }
}
