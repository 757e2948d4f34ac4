-- Articles taken in on the intake page (/claims/from-article, POST /api/articles/accept). The text is kept as it
-- was pasted (line ends normalised to \n): it is the record of what the article said, and the spans in
-- article_claims point into it.
CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    url          TEXT    NULL CHECK (url IS NULL OR url LIKE 'http://%' OR url LIKE 'https://%'),
    outlet       TEXT    NULL CHECK (outlet IS NULL OR length(outlet) <= 200),
    published_on TEXT    NULL,
    language     TEXT    NOT NULL,
    text         TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 100000),
    text_sha256  TEXT    NOT NULL,
    created_by   INTEGER NULL REFERENCES users (id),
    created_at   TEXT    NOT NULL
);
-- "Was this article taken in before?" is asked by its text and by its address.
CREATE INDEX ix_articles_text_sha256 ON articles (text_sha256);
CREATE INDEX ix_articles_url ON articles (url) WHERE url IS NOT NULL;

-- Each claim accepted from an article, with the sentence it came from (start and length in articles.text,
-- UTF-16 code units as the page and the API count them). created is 1 when the claim was recorded from this
-- article and 0 when the article repeated a claim already recorded. Without an address the article has no row
-- in appearances (whose url is required), so this row is where the claim was seen.
CREATE TABLE article_claims (
    article_id INTEGER NOT NULL REFERENCES articles (id),
    claim_id   INTEGER NOT NULL REFERENCES claims (id),
    start      INTEGER NOT NULL CHECK (start >= 0),
    length     INTEGER NOT NULL CHECK (length > 0),
    created    INTEGER NOT NULL CHECK (created IN (0, 1)),
    PRIMARY KEY (article_id, claim_id)
) WITHOUT ROWID;
CREATE INDEX ix_article_claims_claim ON article_claims (claim_id);
