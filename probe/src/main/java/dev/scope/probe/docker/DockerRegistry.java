package dev.scope.probe.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import java.io.Closeable;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine has now: containers (all states, as {@code docker inspect} says), images and networks. Kept
 * current by the engine's event stream (subscribed before listing, so nothing is missed in between) and a full
 * refresh of images and networks every {@code refreshInterval}. Tells a listener about every container change.
 */
final class DockerRegistry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DockerRegistry.class);

    /** Container events after which the container is inspected again and a shortcut report sent. */
    static final Set<String> CONTAINER_ACTIONS =
            Set.of("create", "destroy", "rename", "start", "die", "stop", "restart", "pause", "unpause");
    private static final Set<String> NETWORK_ACTIONS = Set.of("connect", "disconnect");

    private final DockerClient client;
    /** Called with the container id and its new inspection, or null when it is gone. */
    private final BiConsumer<String, InspectContainerResponse> onChange;
    private final Map<String, InspectContainerResponse> containers = new ConcurrentHashMap<>();
    private volatile Map<String, Image> images = Map.of();
    private volatile List<Network> networks = List.of();
    private volatile Closeable events;
    private volatile boolean closed;
    private volatile boolean synced;

    DockerRegistry(DockerClient client, BiConsumer<String, InspectContainerResponse> onChange) {
        this.client = client;
        this.onChange = onChange;
    }

    /** Subscribes to events and lists everything. Throws when the engine does not answer. */
    void connect() {
        synced = false;
        closeEvents();
        events = client.eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER, EventType.NETWORK)
                .exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onNext(Event event) {
                        handle(event);
                    }

                    @Override
                    public void onError(Throwable error) {
                        // A stream that never synced failed because the engine is absent: DockerIntegration says
                        // so once; warning here too would repeat it at every retry on a host without Docker.
                        if (events == this) events = null;
                        if (closed) return;
                        if (synced) log.warn("docker event stream failed: {}", error.toString());
                        else log.debug("docker event stream failed before the first sync: {}", error.toString());
                    }

                    @Override
                    public void onComplete() {
                        if (events == this) events = null;
                    }
                });
        Map<String, InspectContainerResponse> now = new HashMap<>();
        for (Container c : client.listContainersCmd().withShowAll(true).exec()) {
            InspectContainerResponse inspected = inspect(c.getId());
            if (inspected != null) now.put(c.getId(), inspected);
        }
        containers.keySet().retainAll(now.keySet());
        containers.putAll(now);
        refreshImagesAndNetworks();
        synced = true;
    }

    /** True while the event stream is open; when it is not, {@link #connect} again. */
    boolean connected() {
        return synced && events != null;
    }

    void refreshImagesAndNetworks() {
        Map<String, Image> byId = new HashMap<>();
        for (Image image : client.listImagesCmd().exec()) byId.put(ContainerNodes.trimImageId(image.getId()), image);
        images = Map.copyOf(byId);
        networks = List.copyOf(client.listNetworksCmd().exec());
    }

    private void handle(Event event) {
        String id = event.getActor() == null ? event.getId() : event.getActor().getId();
        String action = event.getAction() == null ? event.getStatus() : event.getAction();
        if (action == null) return;
        if (event.getType() == EventType.NETWORK) {
            if (!NETWORK_ACTIONS.contains(action) || event.getActor() == null) return;
            String container = event.getActor().getAttributes() == null ? null : event.getActor().getAttributes().get("container");
            if (container != null) update(container);
            return;
        }
        if (id != null && CONTAINER_ACTIONS.contains(action)) update(id);
    }

    /** Inspects a container again and tells the listener. */
    void update(String containerId) {
        InspectContainerResponse inspected = inspect(containerId);
        if (inspected == null) {
            if (containers.remove(containerId) == null) return;
        } else {
            containers.put(containerId, inspected);
        }
        try {
            onChange.accept(containerId, inspected);
        } catch (RuntimeException e) {
            log.warn("docker container change listener failed", e);
        }
    }

    private InspectContainerResponse inspect(String id) {
        try {
            return client.inspectContainerCmd(id).exec();
        } catch (NotFoundException e) {
            return null;
        }
    }

    Collection<InspectContainerResponse> containers() {
        return List.copyOf(containers.values());
    }

    InspectContainerResponse container(String id) {
        return containers.get(id);
    }

    /** The one container whose id starts with {@code prefix}, or null (none or several). */
    InspectContainerResponse containerByPrefix(String prefix) {
        InspectContainerResponse exact = containers.get(prefix);
        if (exact != null) return exact;
        InspectContainerResponse found = null;
        for (Map.Entry<String, InspectContainerResponse> e : containers.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                if (found != null) return null;
                found = e.getValue();
            }
        }
        return found;
    }

    Image image(String trimmedId) {
        return images.get(trimmedId);
    }

    List<Network> networks() {
        return networks;
    }

    private void closeEvents() {
        Closeable e = events;
        events = null;
        if (e != null) {
            try {
                e.close();
            } catch (Exception ignored) {
                // Closing a broken stream has nothing left to report.
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        closeEvents();
    }
}
