-- Idempotency keys, scoped by caller. The primary key makes a claim atomic under concurrent writers.
CREATE TABLE idempotency_key (
    caller     VARCHAR(255) NOT NULL,
    idem_key   VARCHAR(255) NOT NULL,
    body_hash  VARCHAR(128) NOT NULL,
    request_id VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_key_pk PRIMARY KEY (caller, idem_key)
);

CREATE INDEX idempotency_key_created_ix ON idempotency_key (created_at);

-- The last catalogue listing: a single row.
CREATE TABLE catalogue_listing (
    id           INTEGER NOT NULL,
    entries_json TEXT NOT NULL,
    fetched_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT catalogue_listing_pk PRIMARY KEY (id),
    CONSTRAINT catalogue_listing_single_ck CHECK (id = 1)
);

-- Certificate descriptions, one row per certificate; the form is kept as published and read again.
CREATE TABLE catalogue_certificate (
    certificate_id   VARCHAR(32) NOT NULL,
    certificate_json TEXT NOT NULL,
    fetched_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT catalogue_certificate_pk PRIMARY KEY (certificate_id)
);
