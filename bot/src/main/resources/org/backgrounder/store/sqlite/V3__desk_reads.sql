-- The desk's reads. Declined questions grouped by their folded words; which facts each entry
-- names, to count citations; gaps the desk marked handled; items by day. Rows written before
-- this version get a key and fact rows here (lower-cased rather than folded).
ALTER TABLE audit ADD COLUMN question_key TEXT;
UPDATE audit SET question_key = lower(trim(question)) WHERE kind = 'question';
CREATE INDEX audit_review ON audit(kind, verdict, question_key);
CREATE TABLE audit_facts (
  audit_id INTEGER NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
  fact TEXT NOT NULL,
  outcome TEXT NOT NULL
);
CREATE INDEX audit_facts_fact ON audit_facts(fact, outcome);
CREATE INDEX audit_facts_audit ON audit_facts(audit_id);
INSERT INTO audit_facts (audit_id, fact, outcome)
  WITH RECURSIVE split(id, outcome, fact, rest) AS (
    SELECT id, kind || '/' || coalesce(verdict, ''), '', facts || char(10) FROM audit
      WHERE facts IS NOT NULL AND facts <> ''
    UNION ALL
    SELECT id, outcome, substr(rest, 1, instr(rest, char(10)) - 1),
      substr(rest, instr(rest, char(10)) + 1) FROM split WHERE rest <> '')
  SELECT id, fact, outcome FROM split WHERE fact <> '';
CREATE TABLE gap_handled (question_key TEXT PRIMARY KEY, handled INTEGER NOT NULL);
CREATE INDEX items_published ON items(published, feed_id);
