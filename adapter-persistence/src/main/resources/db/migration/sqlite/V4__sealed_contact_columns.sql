-- The other engines widen the reference and the notification email here, to hold them sealed. SQLite
-- does not enforce a declared VARCHAR length, so its columns hold them already; this version only
-- keeps the schema's history the same on every engine.
SELECT 1;
