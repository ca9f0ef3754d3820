-- The sync cycle's queries, as partial indexes: they hold only the few requests still in flight,
-- however many finished ones the table keeps. As on PostgreSQL, except that SQLite has no INCLUDE:
-- the covering columns of openUpstream's index are key columns instead.

-- awaitingDispatch: accepted and not closed upstream, oldest first.
CREATE INDEX request_awaiting_dispatch_ix ON request (created_at, id)
    WHERE status = 'ACCEPTED' AND dispatch_kind <> 'CLOSED';

-- openUpstream: known upstream and not terminal; covering, so the cycle reads the index only.
CREATE INDEX request_open_upstream_ix ON request (id, upstream_id, status, upstream_updated_at)
    WHERE upstream_id IS NOT NULL AND status NOT IN ('FULFILLED', 'REJECTED', 'CANCELLED');

-- awaitingDocument: available upstream, not stored yet, oldest first.
CREATE INDEX request_awaiting_document_ix ON request (created_at, id)
    WHERE NOT has_document AND upstream_id IS NOT NULL AND status IN ('DATA_AVAILABLE', 'FULFILLED');

-- The retention job: ended requests whose personal data has not been erased yet.
CREATE INDEX request_retention_ix ON request (updated_at)
    WHERE purged_at IS NULL AND status IN ('FULFILLED', 'REJECTED', 'CANCELLED');
