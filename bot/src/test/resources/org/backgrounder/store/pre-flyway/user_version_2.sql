-- Frozen: the step the releases before Flyway ran to bring a file to PRAGMA user_version 2
-- (one string of store/Database's list). Files in the field were made by it: never edit.
CREATE TABLE fact_changes (
  story TEXT NOT NULL,
  fact_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  sources TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX fact_changes_at ON fact_changes(at);
ALTER TABLE digest_slots ADD COLUMN window_to INTEGER;
ALTER TABLE digest_slots ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feed_state ADD COLUMN failing_since INTEGER;
