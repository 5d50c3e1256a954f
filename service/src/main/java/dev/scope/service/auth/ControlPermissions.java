package dev.scope.service.auth;

import java.util.Set;

/**
 * The role a control needs. Controls that open a shell, destroy or reschedule something need {@link Role#ADMIN};
 * the rest need {@link Role#EDITOR}. A control we do not know (a plugin's, say) needs ADMIN: when in doubt, the
 * stricter answer.
 */
public final class ControlPermissions {
    private static final Set<String> EDITOR_CONTROLS = Set.of(
            "docker_restart_container", "docker_pause_container", "docker_unpause_container",
            "docker_stop_container", "docker_start_container", "docker_resize_exec_tty", "host_resize_exec_tty",
            "kubernetes_get_logs", "kubernetes_describe");

    private ControlPermissions() {
    }

    public static Role required(String control) {
        return EDITOR_CONTROLS.contains(control) ? Role.EDITOR : Role.ADMIN;
    }

    public static boolean allows(Role role, String control) {
        return role.atLeast(required(control));
    }
}
