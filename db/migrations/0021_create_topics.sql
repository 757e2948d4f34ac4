-- Topics as a managed list (issue 21): claims keep carrying a topic's name in claim_topics.topic (its key), and this
-- table gives each name a stable public address (/topics/{slug}) and a label in Indonesian and in English. Renaming
-- changes the labels, never the key or the address; merging moves the claims and leaves the merged row pointing at
-- the topic kept, so its address redirects.
CREATE TABLE topics (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL COLLATE NOCASE UNIQUE CHECK (length(name) BETWEEN 1 AND 60),
    slug           TEXT    NOT NULL UNIQUE,
    label_id       TEXT    NOT NULL CHECK (length(label_id) BETWEEN 1 AND 60),
    label_en       TEXT    NOT NULL CHECK (length(label_en) BETWEEN 1 AND 60),
    merged_into_id INTEGER NULL REFERENCES topics (id),
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT    NOT NULL
);

-- The topics claims already carry, labelled with their name until an editor gives them labels.
INSERT OR IGNORE INTO topics (name, slug, label_id, label_en, created_at)
SELECT min(topic), lower(replace(trim(min(topic)), ' ', '-')), min(topic), min(topic), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM claim_topics
GROUP BY topic COLLATE NOCASE;
