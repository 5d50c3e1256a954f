package dev.scope.probe.kubernetes;

import dev.scope.probe.GoTimes;
import dev.scope.probe.ProbeContext;
import dev.scope.probe.ProbeModule;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugs Kubernetes into the probe: informers, the reporter, the container-to-pod tagger and the controls. Does
 * nothing, quietly, outside a cluster unless asked ({@link KubernetesConfig#fromEnvironment}); inside one, the
 * client uses the pod's service account (or {@code ~/.kube/config}).
 */
public final class KubernetesModule implements ProbeModule {
    private static final Logger log = LoggerFactory.getLogger(KubernetesModule.class);

    private final KubernetesClient givenClient;
    private final KubernetesConfig givenConfig;
    private final boolean nodeFilterOnServer;
    private KubernetesClient ownClient;
    private ClusterWatch watch;

    /** The module the service loader finds: configured from the environment. */
    public KubernetesModule() {
        this(null, null);
    }

    /** A module on a given client and configuration (tests, embedding); the caller closes the client. */
    public KubernetesModule(KubernetesClient client, KubernetesConfig config) {
        this(client, config, true);
    }

    /** {@code nodeFilterOnServer} false: see {@link ClusterWatch}; for API servers (mocks) without field selectors. */
    KubernetesModule(KubernetesClient client, KubernetesConfig config, boolean nodeFilterOnServer) {
        this.givenClient = client;
        this.givenConfig = config;
        this.nodeFilterOnServer = nodeFilterOnServer;
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public void install(ProbeContext context) {
        Optional<KubernetesConfig> configured = givenConfig != null ? Optional.of(givenConfig)
                : KubernetesConfig.fromEnvironment(System.getenv(), context.probeId(), context.hostId());
        if (configured.isEmpty()) {
            log.debug("kubernetes: not in a cluster and SCOPE_KUBERNETES is not true; not watching Kubernetes");
            return;
        }
        KubernetesConfig config = configured.get();
        KubernetesClient client = givenClient;
        if (client == null) client = ownClient = new KubernetesClientBuilder().build();
        if (config.role() != KubernetesConfig.Role.CLUSTER && config.nodeName() == null) {
            log.warn("kubernetes: node name unknown (set SCOPE_KUBERNETES_NODE_NAME); reporting every pod from this probe");
        }
        KubernetesReporter reporter = new KubernetesReporter(config, () -> watch == null ? ClusterState.EMPTY : watch.state(),
                () -> watch == null ? -1 : watch.version(), !context.controls().readOnly());
        watch = new ClusterWatch(client, config, new ClusterWatch.PodEvents() {
            @Override
            public void added(Pod pod) {
                if (reporter.isMine(pod)) context.shortcuts().publish(reporter.added(pod, GoTimes.nowNanos()));
            }

            @Override
            public void deleted(Pod pod) {
                if (reporter.isMine(pod)) context.shortcuts().publish(reporter.deleted(pod, GoTimes.nowNanos()));
            }
        }, nodeFilterOnServer);
        context.reporters().add(reporter);
        ClusterWatch w = watch;
        context.reporters().add(new KubernetesTagger(context.hostNodeId(), () -> w.node(config.nodeName()),
                !context.controls().readOnly()));
        new KubernetesControls(client, w::state, context.pipes(), config).handlers().forEach(context.controls()::register);
        log.info("kubernetes: watching as role {} on node {} at {}", config.role().name().toLowerCase(java.util.Locale.ROOT),
                config.nodeName() == null ? "(unknown)" : config.nodeName(), client.getMasterUrl());
    }

    /** True once every informer has listed its objects (for tests and readiness). */
    public boolean synced() {
        return watch != null && watch.synced();
    }

    @Override
    public void close() {
        if (watch != null) watch.close();
        if (ownClient != null) ownClient.close();
    }
}
