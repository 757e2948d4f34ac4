-- A narrow copy of the claim columns the dashboard's period figures group by, kept by triggers, and all-time counts
-- (see db/migrations/0015 for the measurements behind each).
CREATE TABLE dashboard_claims (
    claim_id           bigint PRIMARY KEY,
    language           text   NOT NULL,
    claimant_id        bigint NOT NULL,
    status             text   NOT NULL,
    created_at         text   NOT NULL,
    rating             text   NULL,
    first_published_at text   NULL
);
CREATE INDEX ix_dashboard_claims_created ON dashboard_claims (created_at, claimant_id, status, rating, language);
CREATE INDEX ix_dashboard_claims_claimant ON dashboard_claims (claimant_id, status, rating, created_at, language);
CREATE INDEX ix_dashboard_claims_first_published ON dashboard_claims (first_published_at, rating, language)
WHERE first_published_at IS NOT NULL;

CREATE INDEX ix_verdicts_published_versions ON verdicts (published_at, version, claim_id) WHERE published_at IS NOT NULL;
CREATE INDEX ix_claim_timings_published_hours ON claim_timings
    (published_at, total_hours, new_hours, triaged_hours, assigned_hours, researching_hours, in_review_hours, claim_id);
DROP INDEX ix_claim_timings_published;

INSERT INTO dashboard_claims (claim_id, language, claimant_id, status, created_at, rating, first_published_at)
SELECT c.id, c.language, c.claimant_id, c.status, c.created_at, v.rating,
       (SELECT f.published_at FROM verdicts f WHERE f.claim_id = c.id AND f.version = 1)
FROM claims c LEFT JOIN verdicts v ON v.id = c.published_verdict_id;

CREATE FUNCTION dashboard_claims_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO dashboard_claims (claim_id, language, claimant_id, status, created_at, rating, first_published_at)
    VALUES (new.id, new.language, new.claimant_id, new.status, new.created_at,
            (SELECT rating FROM verdicts WHERE id = new.published_verdict_id),
            (SELECT published_at FROM verdicts WHERE claim_id = new.id AND version = 1));
    RETURN NULL;
END;
$$;
CREATE TRIGGER dashboard_claims_insert AFTER INSERT ON claims FOR EACH ROW EXECUTE FUNCTION dashboard_claims_insert();

CREATE FUNCTION dashboard_claims_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE dashboard_claims
    SET language = new.language, claimant_id = new.claimant_id, status = new.status, created_at = new.created_at,
        rating = (SELECT rating FROM verdicts WHERE id = new.published_verdict_id)
    WHERE claim_id = new.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER dashboard_claims_update AFTER UPDATE OF language, claimant_id, status, created_at, published_verdict_id ON claims
FOR EACH ROW EXECUTE FUNCTION dashboard_claims_update();

CREATE FUNCTION dashboard_claims_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM dashboard_claims WHERE claim_id = old.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER dashboard_claims_delete AFTER DELETE ON claims FOR EACH ROW EXECUTE FUNCTION dashboard_claims_delete();

CREATE FUNCTION dashboard_claims_verdict_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE dashboard_claims SET rating = new.rating
    WHERE claim_id = new.claim_id AND EXISTS (SELECT 1 FROM claims WHERE id = new.claim_id AND published_verdict_id = new.id);
    UPDATE dashboard_claims SET first_published_at = new.published_at
    WHERE claim_id = new.claim_id AND new.version = 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER dashboard_claims_verdict_insert AFTER INSERT ON verdicts FOR EACH ROW EXECUTE FUNCTION dashboard_claims_verdict_insert();

CREATE FUNCTION dashboard_claims_first_publication() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE dashboard_claims SET first_published_at = (SELECT published_at FROM verdicts WHERE claim_id = new.claim_id AND version = 1)
    WHERE claim_id = new.claim_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER dashboard_claims_first_publication AFTER UPDATE OF version, published_at ON verdicts
FOR EACH ROW WHEN (new.version = 1 OR old.version = 1) EXECUTE FUNCTION dashboard_claims_first_publication();

CREATE FUNCTION dashboard_claims_verdict_rating() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE dashboard_claims SET rating = new.rating
    WHERE claim_id = new.claim_id AND EXISTS (SELECT 1 FROM claims WHERE id = new.claim_id AND published_verdict_id = new.id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER dashboard_claims_verdict_rating AFTER UPDATE OF rating ON verdicts FOR EACH ROW EXECUTE FUNCTION dashboard_claims_verdict_rating();

CREATE TABLE claimant_state_counts (
    claimant_id bigint NOT NULL,
    language    text   NOT NULL,
    status      text   NOT NULL,
    rating      text   NOT NULL,
    claims      bigint NOT NULL,
    PRIMARY KEY (claimant_id, language, status, rating)
);

INSERT INTO claimant_state_counts (claimant_id, language, status, rating, claims)
SELECT claimant_id, language, status, coalesce(rating, ''), count(*) FROM dashboard_claims GROUP BY 1, 2, 3, 4;

CREATE FUNCTION claimant_state_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO claimant_state_counts AS s (claimant_id, language, status, rating, claims)
    VALUES (new.claimant_id, new.language, new.status, coalesce(new.rating, ''), 1)
    ON CONFLICT (claimant_id, language, status, rating) DO UPDATE SET claims = s.claims + 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER claimant_state_counts_insert AFTER INSERT ON dashboard_claims FOR EACH ROW EXECUTE FUNCTION claimant_state_counts_insert();

CREATE FUNCTION claimant_state_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE claimant_state_counts SET claims = claims - 1
    WHERE claimant_id = old.claimant_id AND language = old.language AND status = old.status AND rating = coalesce(old.rating, '');
    INSERT INTO claimant_state_counts AS s (claimant_id, language, status, rating, claims)
    VALUES (new.claimant_id, new.language, new.status, coalesce(new.rating, ''), 1)
    ON CONFLICT (claimant_id, language, status, rating) DO UPDATE SET claims = s.claims + 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER claimant_state_counts_update AFTER UPDATE OF claimant_id, language, status, rating ON dashboard_claims
FOR EACH ROW WHEN (old.claimant_id IS DISTINCT FROM new.claimant_id OR old.language IS DISTINCT FROM new.language
                   OR old.status IS DISTINCT FROM new.status OR old.rating IS DISTINCT FROM new.rating)
EXECUTE FUNCTION claimant_state_counts_update();

CREATE FUNCTION claimant_state_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE claimant_state_counts SET claims = claims - 1
    WHERE claimant_id = old.claimant_id AND language = old.language AND status = old.status AND rating = coalesce(old.rating, '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER claimant_state_counts_delete AFTER DELETE ON dashboard_claims FOR EACH ROW EXECUTE FUNCTION claimant_state_counts_delete();

CREATE TABLE verdict_hours (
    hour        text   NOT NULL PRIMARY KEY,
    firsts      bigint NOT NULL,
    corrections bigint NOT NULL
);

INSERT INTO verdict_hours (hour, firsts, corrections)
SELECT substr(published_at, 1, 13), count(*) FILTER (WHERE version = 1), count(*) FILTER (WHERE version > 1)
FROM verdicts WHERE published_at IS NOT NULL GROUP BY 1;

CREATE FUNCTION verdict_hours_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO verdict_hours AS h (hour, firsts, corrections)
    VALUES (substr(new.published_at, 1, 13), (new.version = 1)::int, (new.version > 1)::int)
    ON CONFLICT (hour) DO UPDATE SET firsts = h.firsts + excluded.firsts, corrections = h.corrections + excluded.corrections;
    RETURN NULL;
END;
$$;
CREATE TRIGGER verdict_hours_insert AFTER INSERT ON verdicts
FOR EACH ROW WHEN (new.published_at IS NOT NULL) EXECUTE FUNCTION verdict_hours_insert();

CREATE FUNCTION verdict_hours_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE verdict_hours SET firsts = firsts - coalesce((old.version = 1)::int, 0), corrections = corrections - coalesce((old.version > 1)::int, 0)
    WHERE hour = substr(old.published_at, 1, 13);
    IF new.published_at IS NOT NULL THEN
        INSERT INTO verdict_hours AS h (hour, firsts, corrections)
        VALUES (substr(new.published_at, 1, 13), coalesce((new.version = 1)::int, 0), coalesce((new.version > 1)::int, 0))
        ON CONFLICT (hour) DO UPDATE SET firsts = h.firsts + excluded.firsts, corrections = h.corrections + excluded.corrections;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER verdict_hours_update AFTER UPDATE OF published_at, version ON verdicts
FOR EACH ROW WHEN (old.published_at IS DISTINCT FROM new.published_at OR old.version IS DISTINCT FROM new.version)
EXECUTE FUNCTION verdict_hours_update();

CREATE FUNCTION verdict_hours_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE verdict_hours SET firsts = firsts - coalesce((old.version = 1)::int, 0), corrections = corrections - coalesce((old.version > 1)::int, 0)
    WHERE hour = substr(old.published_at, 1, 13);
    RETURN NULL;
END;
$$;
CREATE TRIGGER verdict_hours_delete AFTER DELETE ON verdicts
FOR EACH ROW WHEN (old.published_at IS NOT NULL) EXECUTE FUNCTION verdict_hours_delete();

CREATE INDEX ix_claim_timings_total ON claim_timings (total_hours);
CREATE INDEX ix_claim_timings_new ON claim_timings (new_hours) WHERE new_hours IS NOT NULL;
CREATE INDEX ix_claim_timings_triaged ON claim_timings (triaged_hours) WHERE triaged_hours IS NOT NULL;
CREATE INDEX ix_claim_timings_assigned ON claim_timings (assigned_hours) WHERE assigned_hours IS NOT NULL;
CREATE INDEX ix_claim_timings_researching ON claim_timings (researching_hours) WHERE researching_hours IS NOT NULL;
CREATE INDEX ix_claim_timings_in_review ON claim_timings (in_review_hours) WHERE in_review_hours IS NOT NULL;

CREATE INDEX ix_ladders_open_due ON ladders (claim_id, stage, due_at, due_soon_at, ended_at) WHERE ended_at IS NULL;
