-- Outbound webhooks. Each caller has at most one endpoint; its signing secrets (the current one and
-- one being rotated out) are sealed with the data keys in one column, as credentials are.
CREATE TABLE webhook_endpoint (
    caller            VARCHAR(255) NOT NULL,
    url               VARCHAR(2000) NOT NULL,
    secrets           TEXT NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    secret_created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT webhook_endpoint_pk PRIMARY KEY (caller)
);

-- The outbox and the delivery log in one: a row is written in the transaction of the request's
-- change that produced its event, and then records the attempts to deliver it. The event holds no
-- personal values. due_at is when a worker may claim the row (its next attempt, or the end of the
-- lease a worker holds on it), and empty once the row is no longer pending; claim counts the claims,
-- so that a worker whose lease was overtaken records nothing.
CREATE TABLE webhook_delivery (
    id              VARCHAR(64) ${binary_collation} NOT NULL,
    caller          VARCHAR(255) NOT NULL,
    request_id      VARCHAR(64) NOT NULL,
    event_type      VARCHAR(40) NOT NULL,
    previous_status VARCHAR(32),
    status          VARCHAR(32) NOT NULL,
    document_name   VARCHAR(1000),
    document_size   BIGINT,
    document_sha256 VARCHAR(64),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    state           VARCHAR(16) NOT NULL,
    attempts_json   TEXT NOT NULL,
    round_attempts  INTEGER NOT NULL,
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    due_at          TIMESTAMP WITH TIME ZONE,
    claim           BIGINT NOT NULL,
    CONSTRAINT webhook_delivery_pk PRIMARY KEY (id)
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (due_at);
CREATE INDEX webhook_delivery_caller ON webhook_delivery (caller, created_at DESC, id DESC);
