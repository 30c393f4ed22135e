-- The schema as the first release made it: feed state and items, relevance, counters and chat
-- cursors, the digest ledger, the audit log and fact snapshots. Times are epoch milliseconds.
CREATE TABLE feed_state (
  feed_id TEXT PRIMARY KEY,
  current_url TEXT,
  etag TEXT,
  last_modified TEXT,
  last_attempt INTEGER,
  last_success INTEGER,
  last_failure INTEGER,
  failure_reason TEXT,
  failure_kind TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  next_poll INTEGER,
  disabled_reason TEXT,
  successes INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE items (
  key TEXT PRIMARY KEY,
  feed_id TEXT NOT NULL,
  outlet TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  link TEXT,
  published INTEGER NOT NULL,
  estimated INTEGER NOT NULL,
  language TEXT,
  first_seen INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  seq INTEGER NOT NULL,
  created_seq INTEGER NOT NULL
);
CREATE INDEX items_seq ON items(seq);
CREATE TABLE relevance (
  item_key TEXT NOT NULL,
  story TEXT NOT NULL,
  terms TEXT NOT NULL,
  since INTEGER NOT NULL,
  backlog INTEGER NOT NULL,
  PRIMARY KEY (item_key, story)
);
CREATE INDEX relevance_since ON relevance(since);
CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE cursors (name TEXT PRIMARY KEY, value TEXT NOT NULL, updated INTEGER NOT NULL);
CREATE TABLE digest_slots (
  digest TEXT NOT NULL,
  slot INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT,
  recorded INTEGER NOT NULL,
  PRIMARY KEY (digest, slot)
);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  platform TEXT,
  user_id TEXT,
  question TEXT,
  facts TEXT,
  links TEXT,
  verdict TEXT
);
CREATE INDEX audit_at ON audit(at);
CREATE TABLE fact_snapshots (
  story TEXT NOT NULL,
  fact_id TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  text TEXT NOT NULL,
  sources TEXT NOT NULL,
  seen INTEGER NOT NULL,
  removed INTEGER,
  PRIMARY KEY (story, fact_id)
);
