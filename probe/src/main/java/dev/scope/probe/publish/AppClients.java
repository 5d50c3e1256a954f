package dev.scope.probe.publish;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link AppClient} per distinct app. Every {@link #resolve} looks the targets' names up again; each address
 * gets a client, which asks the app for its id; two addresses answering with the same id are the same app (e.g.
 * two gateways of Scope as a Service) and only one is used: the first, until it is {@link AppClient#failing()
 * failing} and another address of the same app answers, which then takes over (its control connection too).
 * Addresses that no longer resolve are dropped. Thread-safe.
 */
public final class AppClients implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AppClients.class);

    private final List<AppTarget> targets;
    private final Function<AppTarget, AppClient> newClient;
    private final Consumer<AppClient> onNewApp;
    private final Map<String, AppClient> byAddress = new HashMap<>();

    /**
     * @param onNewApp called once for each app newly known by id (e.g. to open its control connection)
     */
    public AppClients(List<AppTarget> targets, Function<AppTarget, AppClient> newClient, Consumer<AppClient> onNewApp) {
        this.targets = List.copyOf(targets);
        this.newClient = newClient;
        this.onNewApp = onNewApp;
    }

    /** Resolves every target and reconciles clients; blocking (DNS and {@code GET /api}). */
    public void resolve() {
        Set<String> seen = new HashSet<>();
        for (AppTarget target : targets) {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(target.host());
            } catch (UnknownHostException e) {
                log.warn("cannot resolve app {}: {}", target, e.getMessage());
                continue;
            }
            for (InetAddress a : addresses) {
                AppTarget at = target.at(a.getHostAddress());
                seen.add(at.toString());
                ensureClient(at);
            }
        }
        List<AppClient> gone = new ArrayList<>();
        synchronized (this) {
            byAddress.entrySet().removeIf(e -> {
                if (seen.contains(e.getKey())) return false;
                gone.add(e.getValue());
                return true;
            });
        }
        for (AppClient c : gone) {
            log.info("{} no longer resolves; dropping it", c);
            c.close();
        }
    }

    private void ensureClient(AppTarget at) {
        AppClient client;
        synchronized (this) {
            client = byAddress.get(at.toString());
            if (client != null && !client.appId().isEmpty()) return;
            if (client == null) {
                client = newClient.apply(at);
                byAddress.put(at.toString(), client);
            }
        }
        String id;
        try {
            id = client.fetchId();
        } catch (Exception e) {
            log.warn("app at {} did not say who it is (will retry): {}", at, e.getMessage());
            return;
        }
        AppClient current;
        synchronized (this) {
            AppClient finalClient = client;
            current = byAddress.values().stream().filter(c -> c != finalClient && id.equals(c.appId())).findFirst().orElse(null);
            if (current != null && !current.failing()) byAddress.remove(at.toString());
            else if (current != null) byAddress.values().remove(current);
        }
        if (current != null && !current.failing()) {
            log.info("app {} at {} is already reached at another address", id, at);
            client.close();
            return;
        }
        if (current != null) {
            log.warn("app {} stopped answering at {}; switching to {}", id, current.target(), at);
            current.close();
        } else {
            log.info("found app {} at {}", id, at);
        }
        onNewApp.accept(client);
    }

    /** The apps known by id. */
    public synchronized List<AppClient> apps() {
        List<AppClient> out = new ArrayList<>();
        for (AppClient c : byAddress.values()) if (!c.appId().isEmpty()) out.add(c);
        return out;
    }

    public synchronized AppClient byId(String appId) {
        for (AppClient c : byAddress.values()) if (c.appId().equals(appId)) return c;
        return null;
    }

    /** Hands one encoded report to every known app. */
    public void publish(byte[] body) {
        for (AppClient c : apps()) c.publish(body);
    }

    @Override
    public void close() {
        List<AppClient> all;
        synchronized (this) {
            all = new ArrayList<>(byAddress.values());
            byAddress.clear();
        }
        all.forEach(AppClient::close);
    }
}
