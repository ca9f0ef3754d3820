-- A reservation is keyed by its charge: the request's id for the order itself (so every row already
-- there keeps its key) and <id>#search-<n> for the n-th search added to it, which a 64-character id
-- does not leave room for.
ALTER TABLE spending_reservation RENAME COLUMN request_id TO charge_id;
ALTER TABLE spending_reservation ALTER COLUMN charge_id TYPE VARCHAR(80);
