-- The credentials the service calls its upstream with, one row per name. The whole credential (the
-- token, its label, scopes and expiry) is sealed with the data keys in one column, as personal values
-- are ("sealed:" and Base64): only its name and when it was written are in clear.
CREATE TABLE credentials (
    name       VARCHAR(255) NOT NULL,
    payload    TEXT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT credentials_pk PRIMARY KEY (name)
);
