-- A narrow copy of the claim columns the dashboard's period figures group by, one row per claim, kept by triggers in
-- the same transaction as every change. The claims table holds each claim's long text, so a lookup by id reads a wide
-- row: at 100,000 claims the all-time dashboard spent about 1 s joining verdicts and timings to claims (the planner
-- takes the table, not a covering index, for a lookup by rowid). Here a claim is ~40 bytes, and the two indexes let a
-- period be read as a range (ix_dashboard_claims_created) or the whole desk in claimant order without sorting
-- (ix_dashboard_claims_claimant).
-- rating: the rating of the verdict readers see now (claims.published_verdict_id), NULL before the first verdict.
-- first_published_at: when the claim's first verdict (version 1) was published, NULL before it.
CREATE TABLE dashboard_claims (
    claim_id           INTEGER PRIMARY KEY,
    language           TEXT    NOT NULL,
    claimant_id        INTEGER NOT NULL,
    status             TEXT    NOT NULL,
    created_at         TEXT    NOT NULL,
    rating             TEXT    NULL,
    first_published_at TEXT    NULL
);
CREATE INDEX ix_dashboard_claims_created ON dashboard_claims (created_at, claimant_id, status, rating, language);
CREATE INDEX ix_dashboard_claims_claimant ON dashboard_claims (claimant_id, status, rating, created_at, language);
CREATE INDEX ix_dashboard_claims_first_published ON dashboard_claims (first_published_at, rating, language)
WHERE first_published_at IS NOT NULL;

-- Throughput reads every verdict published in the period without touching its text, and time to verdict every
-- timing row in order of publication without a lookup per row.
CREATE INDEX ix_verdicts_published_versions ON verdicts (published_at, version, claim_id) WHERE published_at IS NOT NULL;
CREATE INDEX ix_claim_timings_published_hours ON claim_timings
    (published_at, total_hours, new_hours, triaged_hours, assigned_hours, researching_hours, in_review_hours, claim_id);
DROP INDEX ix_claim_timings_published;

INSERT INTO dashboard_claims (claim_id, language, claimant_id, status, created_at, rating, first_published_at)
SELECT c.id, c.language, c.claimant_id, c.status, c.created_at, v.rating,
       (SELECT f.published_at FROM verdicts f WHERE f.claim_id = c.id AND f.version = 1)
FROM claims c LEFT JOIN verdicts v ON v.id = c.published_verdict_id;

CREATE TRIGGER dashboard_claims_insert AFTER INSERT ON claims
BEGIN
    INSERT INTO dashboard_claims (claim_id, language, claimant_id, status, created_at, rating, first_published_at)
    VALUES (NEW.id, NEW.language, NEW.claimant_id, NEW.status, NEW.created_at,
            (SELECT rating FROM verdicts WHERE id = NEW.published_verdict_id),
            (SELECT published_at FROM verdicts WHERE claim_id = NEW.id AND version = 1));
END;

CREATE TRIGGER dashboard_claims_update AFTER UPDATE OF language, claimant_id, status, created_at, published_verdict_id ON claims
BEGIN
    UPDATE dashboard_claims
    SET language = NEW.language, claimant_id = NEW.claimant_id, status = NEW.status, created_at = NEW.created_at,
        rating = (SELECT rating FROM verdicts WHERE id = NEW.published_verdict_id)
    WHERE claim_id = NEW.id;
END;

CREATE TRIGGER dashboard_claims_delete AFTER DELETE ON claims
BEGIN
    DELETE FROM dashboard_claims WHERE claim_id = OLD.id;
END;

-- A claim may name its published verdict before the verdict's row exists (an import with foreign keys off), and a
-- verdict's rating may be edited in place: either way the copy follows the verdict the claim names.
CREATE TRIGGER dashboard_claims_verdict_insert AFTER INSERT ON verdicts
BEGIN
    UPDATE dashboard_claims SET rating = NEW.rating
    WHERE claim_id = NEW.claim_id AND EXISTS (SELECT 1 FROM claims WHERE id = NEW.claim_id AND published_verdict_id = NEW.id);
    UPDATE dashboard_claims SET first_published_at = NEW.published_at
    WHERE claim_id = NEW.claim_id AND NEW.version = 1;
END;

CREATE TRIGGER dashboard_claims_first_publication AFTER UPDATE OF version, published_at ON verdicts
WHEN NEW.version = 1 OR OLD.version = 1
BEGIN
    UPDATE dashboard_claims SET first_published_at = (SELECT published_at FROM verdicts WHERE claim_id = NEW.claim_id AND version = 1)
    WHERE claim_id = NEW.claim_id;
END;

CREATE TRIGGER dashboard_claims_verdict_rating AFTER UPDATE OF rating ON verdicts
BEGIN
    UPDATE dashboard_claims SET rating = NEW.rating
    WHERE claim_id = NEW.claim_id AND EXISTS (SELECT 1 FROM claims WHERE id = NEW.claim_id AND published_verdict_id = NEW.id);
END;

-- All-time figures without reading every claim or verdict (the period "all" read ~100,000 claims, ~60,000 verdicts
-- and ~60,000 timings on every refresh at 100,000 claims):
-- claimant_state_counts: claims per claimant, language, state and current rating ('' before a verdict), kept from
-- dashboard_claims; the all-time balance and verdict distribution sum a few hundred rows.
CREATE TABLE claimant_state_counts (
    claimant_id INTEGER NOT NULL,
    language    TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    rating      TEXT    NOT NULL,
    claims      INTEGER NOT NULL,
    PRIMARY KEY (claimant_id, language, status, rating)
) WITHOUT ROWID;

INSERT INTO claimant_state_counts (claimant_id, language, status, rating, claims)
SELECT claimant_id, language, status, coalesce(rating, ''), count(*) FROM dashboard_claims GROUP BY 1, 2, 3, 4;

CREATE TRIGGER claimant_state_counts_insert AFTER INSERT ON dashboard_claims
BEGIN
    INSERT INTO claimant_state_counts (claimant_id, language, status, rating, claims)
    VALUES (NEW.claimant_id, NEW.language, NEW.status, coalesce(NEW.rating, ''), 1)
    ON CONFLICT DO UPDATE SET claims = claims + 1;
END;

CREATE TRIGGER claimant_state_counts_update AFTER UPDATE OF claimant_id, language, status, rating ON dashboard_claims
WHEN OLD.claimant_id IS NOT NEW.claimant_id OR OLD.language IS NOT NEW.language OR OLD.status IS NOT NEW.status OR OLD.rating IS NOT NEW.rating
BEGIN
    UPDATE claimant_state_counts SET claims = claims - 1
    WHERE claimant_id = OLD.claimant_id AND language = OLD.language AND status = OLD.status AND rating = coalesce(OLD.rating, '');
    INSERT INTO claimant_state_counts (claimant_id, language, status, rating, claims)
    VALUES (NEW.claimant_id, NEW.language, NEW.status, coalesce(NEW.rating, ''), 1)
    ON CONFLICT DO UPDATE SET claims = claims + 1;
END;

CREATE TRIGGER claimant_state_counts_delete AFTER DELETE ON dashboard_claims
BEGIN
    UPDATE claimant_state_counts SET claims = claims - 1
    WHERE claimant_id = OLD.claimant_id AND language = OLD.language AND status = OLD.status AND rating = coalesce(OLD.rating, '');
END;

-- verdict_hours: verdicts published per UTC hour ("yyyy-MM-ddTHH"), first verdicts and corrections apart; a year is at
-- most 8,784 rows however many verdicts. A published verdict is never unpublished (a correction supersedes it).
CREATE TABLE verdict_hours (
    hour        TEXT    NOT NULL PRIMARY KEY,
    firsts      INTEGER NOT NULL,
    corrections INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO verdict_hours (hour, firsts, corrections)
SELECT substr(published_at, 1, 13), sum(version = 1), sum(version > 1) FROM verdicts WHERE published_at IS NOT NULL GROUP BY 1;

CREATE TRIGGER verdict_hours_insert AFTER INSERT ON verdicts WHEN NEW.published_at IS NOT NULL
BEGIN
    INSERT INTO verdict_hours (hour, firsts, corrections) VALUES (substr(NEW.published_at, 1, 13), NEW.version = 1, NEW.version > 1)
    ON CONFLICT DO UPDATE SET firsts = firsts + excluded.firsts, corrections = corrections + excluded.corrections;
END;

CREATE TRIGGER verdict_hours_update AFTER UPDATE OF published_at, version ON verdicts
WHEN OLD.published_at IS NOT NEW.published_at OR OLD.version IS NOT NEW.version
BEGIN
    UPDATE verdict_hours SET firsts = firsts - (OLD.version = 1), corrections = corrections - (OLD.version > 1)
    WHERE hour = substr(OLD.published_at, 1, 13);
    INSERT INTO verdict_hours (hour, firsts, corrections)
    SELECT substr(NEW.published_at, 1, 13), NEW.version = 1, NEW.version > 1 WHERE NEW.published_at IS NOT NULL
    ON CONFLICT DO UPDATE SET firsts = firsts + excluded.firsts, corrections = corrections + excluded.corrections;
END;

CREATE TRIGGER verdict_hours_delete AFTER DELETE ON verdicts WHEN OLD.published_at IS NOT NULL
BEGIN
    UPDATE verdict_hours SET firsts = firsts - (OLD.version = 1), corrections = corrections - (OLD.version > 1)
    WHERE hour = substr(OLD.published_at, 1, 13);
END;

-- Time to verdict over all time: each column in order, so a median or 90th percentile is read by walking the index to
-- its rank instead of bringing every row into the app.
CREATE INDEX ix_claim_timings_total ON claim_timings (total_hours);
CREATE INDEX ix_claim_timings_new ON claim_timings (new_hours) WHERE new_hours IS NOT NULL;
CREATE INDEX ix_claim_timings_triaged ON claim_timings (triaged_hours) WHERE triaged_hours IS NOT NULL;
CREATE INDEX ix_claim_timings_assigned ON claim_timings (assigned_hours) WHERE assigned_hours IS NOT NULL;
CREATE INDEX ix_claim_timings_researching ON claim_timings (researching_hours) WHERE researching_hours IS NOT NULL;
CREATE INDEX ix_claim_timings_in_review ON claim_timings (in_review_hours) WHERE in_review_hours IS NOT NULL;

-- The open-claims pass reads each open claim's running ladder (its stage deadline) from the index alone (ended_at is
-- in it only so that the planner sees every column it needs there).
CREATE INDEX ix_ladders_open_due ON ladders (claim_id, stage, due_at, due_soon_at, ended_at) WHERE ended_at IS NULL;
