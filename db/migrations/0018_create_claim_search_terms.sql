-- Search through stems (issue 22): "serangan" finds "menyerang" and "diserang", "running" finds "runs".
-- The application analyses each claim (Lucene's Indonesian and English stemmers) and stores the result here:
-- every word, each followed by its stems, separated by spaces. The terms are the data; any database can index
-- them by splitting at spaces (PostgreSQL: a 'simple' tsvector), so every provider finds the same claims.
-- Claims recorded before this migration are analysed at start-up (IndexClaimsForSearch), before requests are served.
CREATE TABLE claim_search_terms (
    claim_id INTEGER NOT NULL PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
    analysis INTEGER NOT NULL,
    title    TEXT    NOT NULL,
    body     TEXT    NOT NULL
);

-- The full-text index over those terms. Contentless with contentless_delete: it keeps no second copy of the terms and
-- removes a row by its id alone, so no trigger has to hand it the old text (an external-content table given other
-- text than it indexed is corrupted). "fts5: corruption found reading blob" from PRAGMA integrity_check on a
-- connection that cached the index before another one merged it is a false alarm, whatever the kind of FTS5 table.
-- The ascii tokenizer only splits at the spaces: the terms arrive folded and lower-cased.
CREATE VIRTUAL TABLE claim_search USING fts5 (
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'ascii'
);

-- Document frequency per term: lets the similar-claim lookup query by its most distinctive words.
CREATE VIRTUAL TABLE claim_search_vocab USING fts5vocab (claim_search, 'row');

CREATE TRIGGER claim_search_terms_insert AFTER INSERT ON claim_search_terms
BEGIN
    INSERT INTO claim_search (rowid, title, body) VALUES (NEW.claim_id, NEW.title, NEW.body);
END;

CREATE TRIGGER claim_search_terms_update AFTER UPDATE OF title, body ON claim_search_terms
BEGIN
    DELETE FROM claim_search WHERE rowid = OLD.claim_id;
    INSERT INTO claim_search (rowid, title, body) VALUES (NEW.claim_id, NEW.title, NEW.body);
END;

CREATE TRIGGER claim_search_terms_delete AFTER DELETE ON claim_search_terms
BEGIN
    DELETE FROM claim_search WHERE rowid = OLD.claim_id;
END;

-- The unstemmed index of migration 0004 is no longer read by anything.
DROP TRIGGER claims_fts_insert;
DROP TRIGGER claims_fts_delete;
DROP TRIGGER claims_fts_update;
DROP TABLE claims_fts_terms;
DROP TABLE claims_fts;

-- The cached frequencies were counted over the old terms: start-up counts them again once the claims are analysed.
DELETE FROM search_term_stats;
DELETE FROM search_stats_meta;
