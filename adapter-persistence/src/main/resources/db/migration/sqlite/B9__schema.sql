-- The schema at version 9 in one script, for an empty store: Flyway runs it instead of V1 to V9
-- (one transaction instead of nine), and a store that already has a schema history ignores it and
-- migrates version by version as before. Every statement leaves the same schema text as V1 to V9
-- leave (the columns that V5 and V6 add follow the last original column, as SQLite's ALTER TABLE
-- writes them), which SqliteStoreTest holds it to. A change of the schema is a new V script, and
-- this script stays at version 9.
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
    version             BIGINT NOT NULL, reference_lookup VARCHAR(64), engine VARCHAR(32) NOT NULL DEFAULT 'visengine',
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

CREATE INDEX request_caller_created_ix ON request (caller, created_at DESC, id DESC);
CREATE INDEX request_caller_status_created_ix ON request (caller, status, created_at DESC, id DESC);
CREATE INDEX request_caller_certificate_created_ix ON request (caller, certificate_id, created_at DESC, id DESC);

CREATE TABLE idempotency_key (
    caller     VARCHAR(255) NOT NULL,
    idem_key   VARCHAR(255) NOT NULL,
    body_hash  VARCHAR(128) NOT NULL,
    request_id VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_key_pk PRIMARY KEY (caller, idem_key)
);

CREATE INDEX idempotency_key_created_ix ON idempotency_key (created_at);

CREATE TABLE catalogue_listing (
    id           INTEGER NOT NULL,
    entries_json TEXT NOT NULL,
    fetched_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT catalogue_listing_pk PRIMARY KEY (id),
    CONSTRAINT catalogue_listing_single_ck CHECK (id = 1)
);

CREATE TABLE catalogue_certificate (
    certificate_id   VARCHAR(32) NOT NULL,
    certificate_json TEXT NOT NULL,
    fetched_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT catalogue_certificate_pk PRIMARY KEY (certificate_id)
);

CREATE INDEX request_awaiting_dispatch_ix ON request (created_at, id)
    WHERE status = 'ACCEPTED' AND dispatch_kind <> 'CLOSED';

CREATE INDEX request_awaiting_document_ix ON request (created_at, id)
    WHERE NOT has_document AND upstream_id IS NOT NULL AND status IN ('DATA_AVAILABLE', 'FULFILLED');

CREATE INDEX request_retention_ix ON request (updated_at)
    WHERE purged_at IS NULL AND status IN ('FULFILLED', 'REJECTED', 'CANCELLED');

CREATE INDEX request_caller_reference_lookup_created_ix ON request (caller, reference_lookup, created_at DESC, id DESC);

CREATE INDEX request_open_upstream_ix ON request (id, upstream_id, engine, status, upstream_updated_at)
    WHERE upstream_id IS NOT NULL AND status NOT IN ('FULFILLED', 'REJECTED', 'CANCELLED');

CREATE TABLE spending_reservation (
    charge_id   VARCHAR(64) NOT NULL,
    caller       VARCHAR(255) NOT NULL,
    amount_cents BIGINT NOT NULL,
    reserved_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT spending_reservation_pk PRIMARY KEY (charge_id)
);

CREATE INDEX spending_reservation_caller_ix ON spending_reservation (caller, reserved_at);

CREATE TABLE spending_caller (
    caller     VARCHAR(255) NOT NULL,
    checked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT spending_caller_pk PRIMARY KEY (caller)
);

CREATE TABLE credentials (
    name       VARCHAR(255) NOT NULL,
    payload    TEXT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT credentials_pk PRIMARY KEY (name)
);
