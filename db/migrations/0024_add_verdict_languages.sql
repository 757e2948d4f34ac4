-- A verdict in Indonesian and in English. The rating, attribution, evidence and votes belong to the verdict; its
-- title (the claim as the verdict page states it), summary and explanation are written per language, one row each.
-- A verdict has at least one language version (the handlers see to it); which ones it must have before publication
-- is FactCheck:Review:RequiredLanguages.
CREATE TABLE verdict_texts (
    verdict_id  INTEGER NOT NULL REFERENCES verdicts (id),
    language    TEXT    NOT NULL CHECK (language IN ('id', 'en')),
    title       TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    summary     TEXT    NOT NULL CHECK (length(summary) BETWEEN 1 AND 280),
    explanation TEXT    NOT NULL CHECK (length(explanation) BETWEEN 1 AND 20000),
    PRIMARY KEY (verdict_id, language)
) WITHOUT ROWID;

-- Verdicts so far were written in one language, which was never recorded: take the claim's (Indonesian for 'id' and
-- its regional tags, English otherwise), and the claim's title as the verdict's title.
INSERT INTO verdict_texts (verdict_id, language, title, summary, explanation)
SELECT v.id, CASE WHEN lower(c.language) = 'id' OR lower(c.language) LIKE 'id-%' THEN 'id' ELSE 'en' END, c.title, v.summary, v.explanation
FROM verdicts v JOIN claims c ON c.id = v.claim_id;

ALTER TABLE verdicts DROP COLUMN summary;
ALTER TABLE verdicts DROP COLUMN explanation;

-- The language versions a published correction changed (added, rewritten or dropped), space-separated ('en', 'id en');
-- empty when only the rating or sources changed. NULL while the correction is in progress.
ALTER TABLE corrections ADD COLUMN changed_languages TEXT NULL;
UPDATE corrections SET changed_languages = coalesce((
    SELECT group_concat(n.language, ' ')
    FROM verdict_texts n LEFT JOIN verdict_texts o ON o.verdict_id = corrections.previous_verdict_id AND o.language = n.language
    WHERE n.verdict_id = corrections.new_verdict_id
      AND (o.verdict_id IS NULL OR o.title <> n.title OR o.summary <> n.summary OR o.explanation <> n.explanation)), '')
WHERE new_verdict_id IS NOT NULL;
