package dev.scope.service.query;

import dev.scope.app.ReadApi;
import dev.scope.render.Views;
import dev.scope.service.auth.Role;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read API of each organisation seen lately, one per role (so users of one role share renders). Organisations
 * nobody asked about for a while, and nobody watches, are forgotten with their decoded reports.
 */
final class OrgViews implements ReportNotifications.Sink {
    private final Vertx vertx;
    private final StoredReports store;
    private final QuerySettings settings;
    private final String id;
    private final Views views = new Views();
    private final Map<String, Org> orgs = new ConcurrentHashMap<>();

    private record Org(OrgReports reports, Map<Role, ReadApi> apis) {
    }

    OrgViews(Vertx vertx, StoredReports store, QuerySettings settings, String id) {
        this.vertx = vertx;
        this.store = store;
        this.settings = settings;
        this.id = id;
    }

    ReadApi api(String orgId, Role role) {
        Org org = orgs.computeIfAbsent(orgId, o -> new Org(
                new OrgReports(o, store, settings.window(), settings.maxStaleness(), System::nanoTime), new EnumMap<>(Role.class)));
        synchronized (org.apis()) {
            return org.apis().computeIfAbsent(role, r -> new ReadApi(vertx, views, new CensoredReports(org.reports(), r),
                    new CensoredReports(org.reports(), r), id, "service", "scope-service", settings.minWebsocketInterval()));
        }
    }

    int size() {
        return orgs.size();
    }

    /** Forgets organisations idle for longer than {@code idle} that no websocket watches. */
    void evictIdle(Duration idle) {
        long cutoff = System.nanoTime() - idle.toNanos();
        orgs.values().removeIf(o -> o.reports().lastUsed() < cutoff && !o.reports().watched());
    }

    @Override
    public void changed(String orgId, boolean shortcut) {
        Org org = orgs.get(orgId);
        if (org != null) org.reports().changed(shortcut);
    }

    @Override
    public void allStale() {
        orgs.values().forEach(o -> o.reports().changed(false));
    }
}
