-- Each request names the engine it was ordered through. Every request stored before this version
-- was ordered through Visengine, the only engine then; a new row always names its own, so the
-- default only fills the rows already there (without rewriting the table).
ALTER TABLE request ADD COLUMN engine VARCHAR(32) NOT NULL DEFAULT 'visengine';
ALTER TABLE request ALTER COLUMN engine DROP DEFAULT;

-- openUpstream reads the engine too: the covering index holds it, so the cycle still reads the
-- index only.
DROP INDEX request_open_upstream_ix;
CREATE INDEX request_open_upstream_ix ON request (id) INCLUDE (upstream_id, engine, status, upstream_updated_at)
    WHERE upstream_id IS NOT NULL AND status NOT IN ('FULFILLED', 'REJECTED', 'CANCELLED');
