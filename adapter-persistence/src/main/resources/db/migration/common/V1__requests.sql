-- Requests: indexed columns for what is queried, the rest of the aggregate as JSON text.
-- The submitted values live in their own table so that the retention job can erase them and keep
-- the request as an audit row. ${binary_collation} is COLLATE "C" on PostgreSQL and empty on SQLite
-- and H2, whose default already compares by code point, so that ids sort alike on every engine (the
-- listing's tie-breaker). SQLite keeps a TIMESTAMP WITH TIME ZONE as UTC text of fixed width.
CREATE TABLE request (
    id                  VARCHAR(64) ${binary_collation} NOT NULL,
    caller              VARCHAR(255) NOT NULL,
    certificate_id      VARCHAR(32) NOT NULL,
    certificate_name    VARCHAR(1000) NOT NULL,
    status              VARCHAR(32) NOT NULL,
    dispatch_kind       VARCHAR(16) NOT NULL,
    close_attempts      INTEGER NOT NULL,
    upstream_id         VARCHAR(24),
    reference           VARCHAR(255),
    notify_email        VARCHAR(320),
    extras_json         TEXT NOT NULL,
    quote_json          TEXT NOT NULL,
    total_cents         BIGINT NOT NULL,
    history_json        TEXT NOT NULL,
    searches_json       TEXT NOT NULL,
    selection_json      TEXT,
    outcome_json        TEXT,
    document_name       VARCHAR(1000),
    document_size       BIGINT,
    document_sha256     VARCHAR(64),
    has_document        BOOLEAN NOT NULL,
    upstream_updated_at TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    purged_at           TIMESTAMP WITH TIME ZONE,
    version             BIGINT NOT NULL,
    CONSTRAINT request_pk PRIMARY KEY (id),
    CONSTRAINT request_upstream_id_uq UNIQUE (upstream_id),
    CONSTRAINT request_version_ck CHECK (version >= 0),
    CONSTRAINT request_dispatch_ck CHECK (dispatch_kind IN ('NOT_SENT', 'DRAFTED', 'CLOSED')),
    CONSTRAINT request_document_ck CHECK (has_document = (document_sha256 IS NOT NULL))
);

CREATE TABLE request_values (
    request_id  VARCHAR(64) ${binary_collation} NOT NULL,
    values_json TEXT NOT NULL,
    CONSTRAINT request_values_pk PRIMARY KEY (request_id),
    CONSTRAINT request_values_request_fk FOREIGN KEY (request_id) REFERENCES request (id) ON DELETE CASCADE
);

-- A caller's listing, newest first, and its filters; each ends with (created_at, id) so that the
-- cursor condition and the order come straight from the index.
CREATE INDEX request_caller_created_ix ON request (caller, created_at DESC, id DESC);
CREATE INDEX request_caller_status_created_ix ON request (caller, status, created_at DESC, id DESC);
CREATE INDEX request_caller_certificate_created_ix ON request (caller, certificate_id, created_at DESC, id DESC);
CREATE INDEX request_caller_reference_created_ix ON request (caller, reference, created_at DESC, id DESC);
