-- Probe reports, one row per accepted POST /api/report. The query component reads an organisation's last
-- 15 s (and any past window for time travel); retention drops whole day partitions, which costs no vacuum.
-- received_at is the database's clock, so every replica agrees on what "the last 15 s" means.
CREATE TABLE reports (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    org_id      text        NOT NULL,
    probe_id    text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    shortcut    boolean     NOT NULL DEFAULT false,
    plain_bytes integer     NOT NULL,  -- size once decompressed, for metrics and limits
    body        bytea       NOT NULL,  -- the report as gzip-compressed msgpack (Weave Scope 1.13's wire format)
    PRIMARY KEY (org_id, received_at, id)
) PARTITION BY RANGE (received_at);

-- The compressed body is not worth compressing again with TOAST's pglz.
ALTER TABLE reports ALTER COLUMN body SET STORAGE EXTERNAL;
