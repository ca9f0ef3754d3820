-- Each request names the engine it was ordered through. Every request stored before this version
-- was ordered through Visengine, the only engine then; a new row always names its own, so the
-- default only fills the rows already there.
ALTER TABLE request ADD COLUMN engine VARCHAR(32) DEFAULT 'visengine' NOT NULL;
ALTER TABLE request ALTER COLUMN engine DROP DEFAULT;
