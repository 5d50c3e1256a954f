package dev.scope.service.query;

import dev.scope.report.Control;
import dev.scope.report.Report;
import dev.scope.report.StringMap;
import dev.scope.report.TopologyId;
import dev.scope.service.auth.ControlPermissions;
import dev.scope.service.auth.Role;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a role may see of a report: the controls it may not run are removed from every topology, so the UI never
 * offers them (viewers see none). The control component checks again when one is run.
 */
final class RoleCensor {
    private RoleCensor() {
    }

    static Report censor(Report report, Role role) {
        if (role == Role.ADMIN) return report;
        Report.Builder b = report.toBuilder();
        boolean changed = false;
        for (TopologyId t : TopologyId.all()) {
            StringMap<Control> controls = report.topology(t).controls();
            if (controls.isEmpty()) continue;
            Map<String, Control> kept = new TreeMap<>();
            controls.forEach((id, c) -> {
                if (ControlPermissions.allows(role, id)) kept.put(id, c);
            });
            if (kept.size() == controls.size()) continue;
            changed = true;
            b.updateTopology(t, top -> top.withControls(StringMap.copyOf(kept)));
        }
        return changed ? b.build() : report;
    }
}
