-- Search through stems (issue 22): the application stores each claim's analysed terms (every word, each followed by
-- its stems, separated by spaces; see db/migrations/0018). SQLite indexes them with FTS5; PostgreSQL with a GIN index
-- over a tsvector whose lexemes are exactly those terms (no parser, no dictionary: the terms arrive folded and
-- stemmed), so both engines find the same claims.
CREATE TABLE claim_search_terms (
    claim_id bigint NOT NULL PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
    analysis bigint NOT NULL,
    title    text   NOT NULL,
    body     text   NOT NULL
);

CREATE FUNCTION search_vector(title text, body text) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT array_to_tsvector(array_remove(string_to_array(title || ' ' || body, ' '), ''))
$$;

CREATE INDEX ix_claim_search_terms_search ON claim_search_terms USING gin (search_vector(title, body));

DELETE FROM search_term_stats;
DELETE FROM search_stats_meta;
