-- Replicas of the control and pipe components, each alive while it keeps renewing expires_at (a heartbeat every
-- few seconds). Routes below point at a replica, not at a time of their own, so one UPDATE per replica keeps all its
-- routes alive, and a dead replica's routes lapse together when its row expires.
CREATE TABLE service_replicas (
    replica_id   text        PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('control', 'pipe')),
    internal_url text        NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL
);
CREATE INDEX service_replicas_expires ON service_replicas (expires_at);

-- Which replica holds a probe's control websocket. The newest connection wins, as in Weave Scope; connection_id
-- lets a replica remove its own row without removing a newer connection's.
CREATE TABLE control_routes (
    org_id        text        NOT NULL,
    probe_id      text        NOT NULL,
    replica_id    text        NOT NULL REFERENCES service_replicas ON DELETE CASCADE,
    connection_id text        NOT NULL,
    connected_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, probe_id)
);
CREATE INDEX control_routes_replica ON control_routes (replica_id);
