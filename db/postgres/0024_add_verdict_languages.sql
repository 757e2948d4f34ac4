-- PostgreSQL version of db/migrations/0024_add_verdict_languages.sql: a verdict in Indonesian and in English, one
-- row per language version; the language versions each published correction changed.
CREATE TABLE verdict_texts (
    verdict_id  bigint NOT NULL REFERENCES verdicts (id),
    language    text   NOT NULL CHECK (language IN ('id', 'en')),
    title       text   NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    summary     text   NOT NULL CHECK (length(summary) BETWEEN 1 AND 280),
    explanation text   NOT NULL CHECK (length(explanation) BETWEEN 1 AND 20000),
    PRIMARY KEY (verdict_id, language)
);

INSERT INTO verdict_texts (verdict_id, language, title, summary, explanation)
SELECT v.id, CASE WHEN lower(c.language) = 'id' OR lower(c.language) LIKE 'id-%' THEN 'id' ELSE 'en' END, c.title, v.summary, v.explanation
FROM verdicts v JOIN claims c ON c.id = v.claim_id;

ALTER TABLE verdicts DROP COLUMN summary;
ALTER TABLE verdicts DROP COLUMN explanation;

ALTER TABLE corrections ADD COLUMN changed_languages text NULL;
UPDATE corrections SET changed_languages = coalesce((
    SELECT string_agg(n.language, ' ' ORDER BY n.language)
    FROM verdict_texts n LEFT JOIN verdict_texts o ON o.verdict_id = corrections.previous_verdict_id AND o.language = n.language
    WHERE n.verdict_id = corrections.new_verdict_id
      AND (o.verdict_id IS NULL OR o.title <> n.title OR o.summary <> n.summary OR o.explanation <> n.explanation)), '')
WHERE new_verdict_id IS NOT NULL;
