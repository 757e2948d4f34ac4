-- Time to verdict per claim, fixed once the claim is first published (see db/migrations/0011).
CREATE TABLE claim_timings (
    claim_id          bigint PRIMARY KEY REFERENCES claims (id),
    published_at      text   NOT NULL,
    total_hours       double precision NOT NULL,
    new_hours         double precision NULL,
    triaged_hours     double precision NULL,
    assigned_hours    double precision NULL,
    researching_hours double precision NULL,
    in_review_hours   double precision NULL
);
CREATE INDEX ix_claim_timings_published ON claim_timings (published_at);

-- SQLite's max(0, (julianday(b) - julianday(a)) * 24) over the stored ISO-8601 instants: NULL when either is NULL.
CREATE FUNCTION elapsed_hours(a text, b text) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL
                ELSE greatest(0, extract(epoch FROM (b::timestamptz - a::timestamptz))::double precision / 3600) END
$$;

-- SQLite's trigger has WHEN ... AND NOT EXISTS (...); PostgreSQL's WHEN takes no subquery, so the function checks it.
CREATE FUNCTION claim_transitions_first_publication() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM claim_timings WHERE claim_id = new.claim_id) THEN
        RETURN NULL;
    END IF;
    INSERT INTO claim_timings (claim_id, published_at, total_hours, new_hours, triaged_hours, assigned_hours, researching_hours, in_review_hours)
    SELECT new.claim_id, new.at, elapsed_hours(c.created_at, new.at),
           sum(CASE WHEN s.status = 'new' THEN s.hours END),
           sum(CASE WHEN s.status = 'triaged' THEN s.hours END),
           sum(CASE WHEN s.status = 'assigned' THEN s.hours END),
           sum(CASE WHEN s.status = 'researching' THEN s.hours END),
           sum(CASE WHEN s.status = 'in_review' THEN s.hours END)
    FROM claims c
    JOIN (SELECT t.to_status AS status,
                 elapsed_hours(t.at, (SELECT n.at FROM claim_transitions n WHERE n.claim_id = t.claim_id AND n.id > t.id ORDER BY n.id LIMIT 1)) AS hours
          FROM claim_transitions t WHERE t.claim_id = new.claim_id AND t.id < new.id) s ON true
    WHERE c.id = new.claim_id
    GROUP BY c.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER claim_transitions_first_publication AFTER INSERT ON claim_transitions
FOR EACH ROW WHEN (new.to_status = 'published') EXECUTE FUNCTION claim_transitions_first_publication();

WITH firsts AS (
    SELECT claim_id, min(id) AS published_id FROM claim_transitions WHERE to_status = 'published' GROUP BY claim_id
),
segments AS (
    SELECT t.claim_id, t.to_status AS status,
           elapsed_hours(t.at, (SELECT n.at FROM claim_transitions n WHERE n.claim_id = t.claim_id AND n.id > t.id ORDER BY n.id LIMIT 1)) AS hours
    FROM claim_transitions t JOIN firsts f ON f.claim_id = t.claim_id AND t.id < f.published_id
)
INSERT INTO claim_timings (claim_id, published_at, total_hours, new_hours, triaged_hours, assigned_hours, researching_hours, in_review_hours)
SELECT f.claim_id, p.at, elapsed_hours(c.created_at, p.at),
       sum(CASE WHEN s.status = 'new' THEN s.hours END),
       sum(CASE WHEN s.status = 'triaged' THEN s.hours END),
       sum(CASE WHEN s.status = 'assigned' THEN s.hours END),
       sum(CASE WHEN s.status = 'researching' THEN s.hours END),
       sum(CASE WHEN s.status = 'in_review' THEN s.hours END)
FROM firsts f
JOIN claim_transitions p ON p.id = f.published_id
JOIN claims c ON c.id = f.claim_id
LEFT JOIN segments s ON s.claim_id = f.claim_id
GROUP BY f.claim_id, p.at, c.created_at;
