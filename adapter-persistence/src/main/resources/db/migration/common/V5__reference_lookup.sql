-- A listing filters by reference, which is stored sealed: it is looked up by a keyed hash of the
-- caller and the reference instead, and the index on the sealed column goes.
ALTER TABLE request ADD COLUMN reference_lookup VARCHAR(64);
DROP INDEX request_caller_reference_created_ix;
CREATE INDEX request_caller_reference_lookup_created_ix ON request (caller, reference_lookup, created_at DESC, id DESC);
