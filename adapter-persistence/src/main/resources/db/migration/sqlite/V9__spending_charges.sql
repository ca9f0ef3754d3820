-- A reservation is keyed by its charge: the request's id for the order itself (so every row already
-- there keeps its key) and <id>#search-<n> for the n-th search added to it. SQLite does not bound a
-- VARCHAR's length, so the rename is all it takes.
ALTER TABLE spending_reservation RENAME COLUMN request_id TO charge_id;
