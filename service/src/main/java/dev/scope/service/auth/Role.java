package dev.scope.service.auth;

import java.util.Locale;

/** A member's role in an organisation. Each role can do everything the roles before it can. */
public enum Role {
    /** Sees the organisation's topologies and node details. */
    VIEWER,
    /** Also runs non-destructive controls (pause, restart, logs, ...). */
    EDITOR,
    /** Also opens shells (exec, attach, host shell), deletes and scales, manages members and probe tokens. */
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /** The lower-case name used in headers, JSON and the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
