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
    private final Views views = new Views();
    private final Map<String, Org> orgs = new ConcurrentHashMap<>();

    private record Org(OrgReports reports, Map<Role, ReadApi> apis) {
    }

    OrgViews(Vertx vertx, StoredReports store, QuerySettings settings) {
        this.vertx = vertx;
        this.store = store;
        this.settings = settings;
    }

    ReadApi api(String orgId, Role role) {
        Org org = orgs.computeIfAbsent(orgId, o -> new Org(
                new OrgReports(o, store, settings.window(), settings.maxStaleness(), System::nanoTime), new EnumMap<>(Role.class)));
        synchronized (org.apis()) {
            return org.apis().computeIfAbsent(role, r -> new ReadApi(vertx, views, new CensoredReports(org.reports(), r),
                    new CensoredReports(org.reports(), r), appId(orgId), "service", "scope-service", settings.minWebsocketInterval()));
        }
    }

    /**
     * The id {@code GET /api} answers: the same on every replica for one organisation (probes tell apps apart by
     * it, and a load-balanced gateway sends them to any replica), and not the internal id itself.
     */
    static String appId(String orgId) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(orgId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Probes with reports in the window, over the organisations cached here. */
    int probes() {
        return orgs.values().stream().mapToInt(o -> o.reports().counts()[0]).sum();
    }

    /** Decoded reports held, over the organisations cached here. */
    int reports() {
        return orgs.values().stream().mapToInt(o -> o.reports().counts()[1]).sum();
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
