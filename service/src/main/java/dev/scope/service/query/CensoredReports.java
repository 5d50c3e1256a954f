package dev.scope.service.query;

import dev.scope.app.LiveReports;
import dev.scope.app.PastReports;
import dev.scope.report.Report;
import dev.scope.service.auth.Role;

/**
 * An organisation's reports as one role sees them. The censored merge is remembered per source merge, so it
 * stays the same instance while the source does and the render cache keeps working.
 */
final class CensoredReports implements LiveReports, PastReports {
    private final OrgReports source;
    private final Role role;
    private Report lastSource;
    private Report lastCensored;

    CensoredReports(OrgReports source, Role role) {
        this.source = source;
        this.role = role;
    }

    @Override
    public Report merged() {
        Report s = source.merged();
        synchronized (this) {
            if (s != lastSource) {
                lastCensored = RoleCensor.censor(s, role);
                lastSource = s;
            }
            return lastCensored;
        }
    }

    @Override
    public boolean hasReports() {
        return source.hasReports();
    }

    @Override
    public void onShortcut(Runnable listener) {
        source.onShortcut(listener);
    }

    @Override
    public void removeShortcutListener(Runnable listener) {
        source.removeShortcutListener(listener);
    }

    @Override
    public Report at(long unixNanos) {
        return RoleCensor.censor(source.at(unixNanos), role);
    }
}
