-- The reference and the notification email are stored sealed (Base64 with "sealed:" in front),
-- which is longer than the plain text they hold.
ALTER TABLE request ALTER COLUMN reference SET DATA TYPE VARCHAR(2000);
ALTER TABLE request ALTER COLUMN notify_email SET DATA TYPE VARCHAR(2000);
