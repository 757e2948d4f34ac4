-- What the dashboards count. A claim's states over time, for time-to-verdict per stage, and the side of a dispute
-- each claimant speaks for, for the balance view.

-- The party a claimant speaks for in the conflicts the desk covers ("Azerbaijan", "Armenia"): the balance view
-- compares how often each side's claims are checked. NULL: not set (shown as "no side").
ALTER TABLE claimants ADD COLUMN side TEXT NULL CHECK (side IS NULL OR length(side) BETWEEN 1 AND 100);

-- Every state a claim entered, written by the triggers below in the same transaction as the change, so no command
-- can forget it. Append-only, like the audit log.
CREATE TABLE claim_transitions (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER NOT NULL REFERENCES claims (id),
    from_status TEXT    NULL,
    to_status   TEXT    NOT NULL,
    at          TEXT    NOT NULL
);
CREATE INDEX ix_claim_transitions_claim ON claim_transitions (claim_id, id);

CREATE TRIGGER claims_transition_insert AFTER INSERT ON claims
BEGIN
    INSERT INTO claim_transitions (claim_id, from_status, to_status, at) VALUES (new.id, NULL, new.status, new.created_at);
END;

CREATE TRIGGER claims_transition_update AFTER UPDATE OF status ON claims WHEN new.status IS NOT old.status
BEGIN
    INSERT INTO claim_transitions (claim_id, from_status, to_status, at) VALUES (new.id, old.status, new.status, new.updated_at);
END;

CREATE TRIGGER claim_transitions_no_update BEFORE UPDATE ON claim_transitions
BEGIN
    SELECT RAISE(ABORT, 'claim_transitions is append-only');
END;

-- Claims recorded before this migration: their creation, and the state they are in since the stage started
-- (the steps in between are not known; time-to-verdict figures for them count the whole wait as that last stage).
INSERT INTO claim_transitions (claim_id, from_status, to_status, at)
SELECT id, NULL, 'new', created_at FROM claims ORDER BY id;
INSERT INTO claim_transitions (claim_id, from_status, to_status, at)
SELECT id, 'new', status, coalesce(stage_started_at, updated_at) FROM claims WHERE status <> 'new' ORDER BY id;

-- Dashboard reads: publications by date (first and corrected), claims by creation date per claimant, verdicts by author.
CREATE INDEX ix_verdicts_published_at ON verdicts (published_at, claim_id) WHERE published_at IS NOT NULL;
CREATE INDEX ix_verdicts_author ON verdicts (author_id, submitted_at);
CREATE INDEX ix_claims_language ON claims (language, status);
