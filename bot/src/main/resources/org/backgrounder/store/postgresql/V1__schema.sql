-- The schema SQLite reaches at its version 3 (store/Database), in PostgreSQL's words. Times are
-- epoch milliseconds and flags 0/1, as in SQLite, so both stores read rows the same way.
CREATE TABLE feed_state (
  feed_id TEXT PRIMARY KEY,
  current_url TEXT,
  etag TEXT,
  last_modified TEXT,
  last_attempt BIGINT,
  last_success BIGINT,
  last_failure BIGINT,
  failure_reason TEXT,
  failure_kind TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  next_poll BIGINT,
  disabled_reason TEXT,
  successes INTEGER NOT NULL DEFAULT 0,
  failing_since BIGINT
);
CREATE TABLE items (
  key TEXT PRIMARY KEY,
  feed_id TEXT NOT NULL,
  outlet TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  link TEXT,
  published BIGINT NOT NULL,
  estimated INTEGER NOT NULL,
  language TEXT,
  first_seen BIGINT NOT NULL,
  content_hash TEXT NOT NULL,
  seq BIGINT NOT NULL,
  created_seq BIGINT NOT NULL
);
CREATE INDEX items_seq ON items(seq);
CREATE INDEX items_published ON items(published, feed_id);
CREATE TABLE relevance (
  item_key TEXT NOT NULL,
  story TEXT NOT NULL,
  terms TEXT NOT NULL,
  since BIGINT NOT NULL,
  backlog INTEGER NOT NULL,
  PRIMARY KEY (item_key, story)
);
CREATE INDEX relevance_since ON relevance(since);
CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
CREATE TABLE cursors (name TEXT PRIMARY KEY, value TEXT NOT NULL, updated BIGINT NOT NULL);
CREATE TABLE digest_slots (
  digest TEXT NOT NULL,
  slot BIGINT NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT,
  recorded BIGINT NOT NULL,
  window_to BIGINT,
  attempts INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (digest, slot)
);
CREATE TABLE audit (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at BIGINT NOT NULL,
  kind TEXT NOT NULL,
  platform TEXT,
  user_id TEXT,
  question TEXT,
  facts TEXT,
  links TEXT,
  verdict TEXT,
  question_key TEXT
);
CREATE INDEX audit_at ON audit(at);
CREATE INDEX audit_review ON audit(kind, verdict, question_key);
CREATE TABLE audit_facts (
  audit_id BIGINT NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
  fact TEXT NOT NULL,
  outcome TEXT NOT NULL
);
CREATE INDEX audit_facts_fact ON audit_facts(fact, outcome);
CREATE INDEX audit_facts_audit ON audit_facts(audit_id);
CREATE TABLE gap_handled (question_key TEXT PRIMARY KEY, handled BIGINT NOT NULL);
CREATE TABLE fact_snapshots (
  story TEXT NOT NULL,
  fact_id TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  text TEXT NOT NULL,
  sources TEXT NOT NULL,
  seen BIGINT NOT NULL,
  removed BIGINT,
  PRIMARY KEY (story, fact_id)
);
CREATE TABLE fact_changes (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  story TEXT NOT NULL,
  fact_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  sources TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX fact_changes_at ON fact_changes(at);
