-- What each caller's orders reserved of its spending caps: one row per request, counted in the
-- periods (days and months in Rome) that hold reserved_at, and deleted when the request ends
-- before it is charged.
CREATE TABLE spending_reservation (
    request_id   VARCHAR(64) NOT NULL,
    caller       VARCHAR(255) NOT NULL,
    amount_cents BIGINT NOT NULL,
    reserved_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT spending_reservation_pk PRIMARY KEY (request_id)
);

-- What a caller spent in a period is the sum over one range of this index.
CREATE INDEX spending_reservation_caller_ix ON spending_reservation (caller, reserved_at);

-- One row per caller that ever reserved. Each reservation updates its caller's row first, which
-- locks it to the end of the transaction: a caller's reservations are checked and made one at a
-- time, on every instance sharing the database.
CREATE TABLE spending_caller (
    caller     VARCHAR(255) NOT NULL,
    checked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT spending_caller_pk PRIMARY KEY (caller)
);
