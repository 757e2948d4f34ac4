-- Time to verdict per claim, fixed once the claim is first published: the whole wait and the hours spent in each
-- state on the way (NULL for a state the claim never entered). Written by a trigger when the first 'published'
-- transition is recorded, in the same transaction, so the dashboard reads one row per verdict instead of walking
-- every claim's transitions on each read.
CREATE TABLE claim_timings (
    claim_id          INTEGER PRIMARY KEY REFERENCES claims (id),
    published_at      TEXT    NOT NULL,
    total_hours       REAL    NOT NULL,
    new_hours         REAL    NULL,
    triaged_hours     REAL    NULL,
    assigned_hours    REAL    NULL,
    researching_hours REAL    NULL,
    in_review_hours   REAL    NULL
);
CREATE INDEX ix_claim_timings_published ON claim_timings (published_at);

CREATE TRIGGER claim_transitions_first_publication AFTER INSERT ON claim_transitions
WHEN new.to_status = 'published' AND NOT EXISTS (SELECT 1 FROM claim_timings WHERE claim_id = new.claim_id)
BEGIN
    INSERT INTO claim_timings (claim_id, published_at, total_hours, new_hours, triaged_hours, assigned_hours, researching_hours, in_review_hours)
    SELECT new.claim_id, new.at, max(0, (julianday(new.at) - julianday(c.created_at)) * 24),
           sum(CASE WHEN s.status = 'new' THEN s.hours END),
           sum(CASE WHEN s.status = 'triaged' THEN s.hours END),
           sum(CASE WHEN s.status = 'assigned' THEN s.hours END),
           sum(CASE WHEN s.status = 'researching' THEN s.hours END),
           sum(CASE WHEN s.status = 'in_review' THEN s.hours END)
    FROM claims c
    JOIN (SELECT t.to_status AS status,
                 max(0, (julianday((SELECT n.at FROM claim_transitions n WHERE n.claim_id = t.claim_id AND n.id > t.id ORDER BY n.id LIMIT 1))
                        - julianday(t.at)) * 24) AS hours
          FROM claim_transitions t WHERE t.claim_id = new.claim_id AND t.id < new.id) s
    WHERE c.id = new.claim_id
    GROUP BY c.id;
END;

-- Claims published before this migration.
WITH firsts AS (
    SELECT claim_id, min(id) AS published_id FROM claim_transitions WHERE to_status = 'published' GROUP BY claim_id
),
segments AS (
    SELECT t.claim_id, t.to_status AS status,
           max(0, (julianday((SELECT n.at FROM claim_transitions n WHERE n.claim_id = t.claim_id AND n.id > t.id ORDER BY n.id LIMIT 1))
                  - julianday(t.at)) * 24) AS hours
    FROM claim_transitions t JOIN firsts f ON f.claim_id = t.claim_id AND t.id < f.published_id
)
INSERT INTO claim_timings (claim_id, published_at, total_hours, new_hours, triaged_hours, assigned_hours, researching_hours, in_review_hours)
SELECT f.claim_id, p.at, max(0, (julianday(p.at) - julianday(c.created_at)) * 24),
       sum(CASE WHEN s.status = 'new' THEN s.hours END),
       sum(CASE WHEN s.status = 'triaged' THEN s.hours END),
       sum(CASE WHEN s.status = 'assigned' THEN s.hours END),
       sum(CASE WHEN s.status = 'researching' THEN s.hours END),
       sum(CASE WHEN s.status = 'in_review' THEN s.hours END)
FROM firsts f
JOIN claim_transitions p ON p.id = f.published_id
JOIN claims c ON c.id = f.claim_id
LEFT JOIN segments s ON s.claim_id = f.claim_id
GROUP BY f.claim_id;
