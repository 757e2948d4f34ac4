-- People and organisations who make claims; reused across claims.
CREATE TABLE claimants (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind          TEXT    NOT NULL CHECK (kind IN ('person', 'government', 'military', 'official-body', 'media', 'other')),
    affiliation   TEXT    NULL,
    description   TEXT    NULL,
    reference_url TEXT    NULL CHECK (reference_url IS NULL OR reference_url LIKE 'http://%' OR reference_url LIKE 'https://%'),
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT    NOT NULL,
    UNIQUE (name COLLATE NOCASE, kind)
);

-- A claim is the statement as said, by one claimant; a counter-claim is a claim of its own.
CREATE TABLE claims (
    id               INTEGER PRIMARY KEY,
    slug             TEXT    NOT NULL UNIQUE,
    title            TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 75),
    text             TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    language         TEXT    NOT NULL,
    translation_en   TEXT    NULL,
    claimant_id      INTEGER NOT NULL REFERENCES claimants (id),
    said_on          TEXT    NULL,
    place            TEXT    NULL,
    kind             TEXT    NOT NULL CHECK (kind IN ('statement', 'event', 'figure', 'quote')),
    figure_low       REAL    NULL,
    figure_high      REAL    NULL,
    figure_unit      TEXT    NULL,
    figure_as_of     TEXT    NULL,
    status           TEXT    NOT NULL DEFAULT 'new',
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT    NOT NULL,
    created_by       INTEGER NULL REFERENCES users (id),
    updated_at       TEXT    NOT NULL,
    CHECK (kind <> 'figure' OR (figure_low IS NOT NULL AND figure_unit IS NOT NULL)),
    CHECK (figure_high IS NULL OR figure_low <= figure_high)
);
CREATE INDEX ix_claims_claimant ON claims (claimant_id);
CREATE INDEX ix_claims_status ON claims (status, updated_at);

CREATE TABLE claim_topics (
    claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    topic    TEXT    NOT NULL COLLATE NOCASE,
    PRIMARY KEY (claim_id, topic)
) WITHOUT ROWID;
CREATE INDEX ix_claim_topics_topic ON claim_topics (topic);

-- Typed, directed links: from_claim <relation> to_claim ("Baku's statement denies the accusation").
CREATE TABLE claim_links (
    id            INTEGER PRIMARY KEY,
    from_claim_id INTEGER NOT NULL REFERENCES claims (id),
    to_claim_id   INTEGER NOT NULL REFERENCES claims (id),
    relation      TEXT    NOT NULL CHECK (relation IN ('denies', 'disputes', 'supports', 'corrects', 'same-as')),
    note          TEXT    NULL,
    created_by    INTEGER NULL REFERENCES users (id),
    created_at    TEXT    NOT NULL,
    CHECK (from_claim_id <> to_claim_id),
    UNIQUE (from_claim_id, to_claim_id, relation)
);
CREATE INDEX ix_claim_links_to ON claim_links (to_claim_id);
