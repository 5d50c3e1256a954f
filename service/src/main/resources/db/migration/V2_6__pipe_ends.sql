-- Which replica holds each end of a pipe (the browser's 'ui' end, the probe's 'probe' end), so the replica holding
-- the UI end can bridge to the one holding the probe end.
CREATE TABLE pipe_ends (
    org_id        text        NOT NULL,
    pipe_id       text        NOT NULL,
    end_kind      text        NOT NULL CHECK (end_kind IN ('ui', 'probe')),
    replica_id    text        NOT NULL REFERENCES service_replicas ON DELETE CASCADE,
    connection_id text        NOT NULL,
    connected_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, pipe_id, end_kind)
);
CREATE INDEX pipe_ends_replica ON pipe_ends (replica_id);

-- Closed pipes, remembered for a while (as Weave Scope's tombstones) so /check answers 404 and late connections are
-- refused on every replica.
CREATE TABLE closed_pipes (
    org_id    text        NOT NULL,
    pipe_id   text        NOT NULL,
    closed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, pipe_id)
);
CREATE INDEX closed_pipes_closed_at ON closed_pipes (closed_at);
