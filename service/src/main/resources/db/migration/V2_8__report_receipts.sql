-- One receipt per stored report that carries an id, so a probe that retries a report (its first attempt was
-- committed but the answer was lost with the replica) is answered 200 without a second row. Its own table because
-- `reports` is partitioned by received_at: a unique index there must include the partition key, and a retry lands
-- at another instant. The key is SHA-256 of (org, probe id, report id), which bounds the index entries whatever
-- a probe sends. Receipts older than the dedup window count as absent and are deleted by collection's housekeeping;
-- no index on received_at: that delete scans a table holding a few minutes of receipts, which costs less than
-- maintaining a second index on every insert.
CREATE TABLE report_receipts (
    key         bytea       PRIMARY KEY,
    received_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
