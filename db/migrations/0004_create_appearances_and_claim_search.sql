-- Where a claim was seen. A repeat of a known claim is a new appearance, not a new claim.
CREATE TABLE appearances (
    id           INTEGER PRIMARY KEY,
    claim_id     INTEGER NOT NULL REFERENCES claims (id),
    url          TEXT    NOT NULL CHECK (url LIKE 'http://%' OR url LIKE 'https://%'),
    outlet       TEXT    NULL,
    published_on TEXT    NULL,
    quote        TEXT    NULL,
    first_seen   INTEGER NOT NULL DEFAULT 0 CHECK (first_seen IN (0, 1)),
    created_by   INTEGER NULL REFERENCES users (id),
    created_at   TEXT    NOT NULL,
    UNIQUE (claim_id, url)
);
CREATE INDEX ix_appearances_claim ON appearances (claim_id, published_on);

-- A claim merged by a same-as link points at its original.
ALTER TABLE claims ADD COLUMN merged_into_id INTEGER NULL REFERENCES claims (id);

CREATE INDEX ix_claims_created ON claims (created_at DESC, id DESC);
CREATE INDEX ix_claims_said ON claims (said_on);
CREATE INDEX ix_claim_links_from ON claim_links (from_claim_id);

-- Full-text index over what was said and its translation, for search and similar-claim lookup.
-- unicode61 with diacritics removed tokenises Indonesian and English alike (no stemming: Indonesian
-- affixes are not English suffixes, and a wrong stemmer hurts more than none).
CREATE VIRTUAL TABLE claims_fts USING fts5 (
    title, text, translation_en,
    content = 'claims', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Document frequency per term: lets the similar-claim lookup query by its most distinctive words.
CREATE VIRTUAL TABLE claims_fts_terms USING fts5vocab (claims_fts, 'row');

INSERT INTO claims_fts (rowid, title, text, translation_en)
SELECT id, title, text, coalesce(translation_en, '') FROM claims;

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims
BEGIN
    INSERT INTO claims_fts (rowid, title, text, translation_en) VALUES (NEW.id, NEW.title, NEW.text, coalesce(NEW.translation_en, ''));
END;

CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims
BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, title, text, translation_en) VALUES ('delete', OLD.id, OLD.title, OLD.text, coalesce(OLD.translation_en, ''));
END;

CREATE TRIGGER claims_fts_update AFTER UPDATE OF title, text, translation_en ON claims
BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, title, text, translation_en) VALUES ('delete', OLD.id, OLD.title, OLD.text, coalesce(OLD.translation_en, ''));
    INSERT INTO claims_fts (rowid, title, text, translation_en) VALUES (NEW.id, NEW.title, NEW.text, coalesce(NEW.translation_en, ''));
END;
