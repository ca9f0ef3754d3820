-- H2 has no partial indexes: the sync cycle's queries use plain composite indexes instead.
CREATE INDEX request_status_created_ix ON request (status, created_at, id);
CREATE INDEX request_document_status_ix ON request (has_document, status, created_at, id);
CREATE INDEX request_retention_ix ON request (purged_at, updated_at);
