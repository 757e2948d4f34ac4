-- The review workflow: who works on a claim, by when, the verdicts it gets, the editors' votes on them,
-- the evidence they rest on and the public corrections made after publication.

ALTER TABLE claims ADD COLUMN priority TEXT NULL CHECK (priority IS NULL OR priority IN ('high', 'normal', 'low'));
ALTER TABLE claims ADD COLUMN due_at TEXT NULL;
ALTER TABLE claims ADD COLUMN assignee_id INTEGER NULL REFERENCES users (id);
-- The editor who last assigned the claim: the person to escalate to when the work is late.
ALTER TABLE claims ADD COLUMN assigned_by INTEGER NULL REFERENCES users (id);
-- When the claim entered its current state, for deadlines and time-to-verdict figures.
ALTER TABLE claims ADD COLUMN stage_started_at TEXT NULL;
-- The state a claim was in when it was merged, so removing the same-as link puts it back where it was.
ALTER TABLE claims ADD COLUMN merged_from_status TEXT NULL;
ALTER TABLE claims ADD COLUMN rejection_reason TEXT NULL;

UPDATE claims SET stage_started_at = updated_at;
CREATE INDEX ix_claims_assignee ON claims (assignee_id, status);
CREATE INDEX ix_claims_due ON claims (due_at) WHERE due_at IS NOT NULL;

-- One row per submitted verdict draft. A draft sent back for changes stays as 'returned'; the approved one
-- becomes 'published' with the next version number, and the version it replaces becomes 'superseded'.
CREATE TABLE verdicts (
    id               INTEGER PRIMARY KEY,
    claim_id         INTEGER NOT NULL REFERENCES claims (id),
    version          INTEGER NULL,
    state            TEXT    NOT NULL CHECK (state IN ('in_review', 'returned', 'published', 'superseded')),
    rating           TEXT    NOT NULL,
    attribution      TEXT    NULL CHECK (attribution IS NULL OR attribution IN ('confirmed', 'misquoted', 'out-of-context', 'no-record')),
    summary          TEXT    NOT NULL CHECK (length(summary) BETWEEN 1 AND 280),
    explanation      TEXT    NOT NULL CHECK (length(explanation) BETWEEN 1 AND 20000),
    change_note      TEXT    NULL,
    author_id        INTEGER NOT NULL REFERENCES users (id),
    submitted_at     TEXT    NOT NULL,
    published_at     TEXT    NULL,
    updated_at       TEXT    NOT NULL,
    override_reason  TEXT    NULL,
    CHECK ((state IN ('published', 'superseded')) = (version IS NOT NULL AND published_at IS NOT NULL)),
    UNIQUE (claim_id, version)
);
CREATE INDEX ix_verdicts_claim ON verdicts (claim_id, state);
-- The verdict readers see; during a correction it stays public until the next version is approved.
ALTER TABLE claims ADD COLUMN published_verdict_id INTEGER NULL REFERENCES verdicts (id);
CREATE INDEX ix_verdicts_published ON verdicts (published_at) WHERE state = 'published';

-- An editor's approval of a submitted verdict, with an optional dissent note; one per editor and draft.
CREATE TABLE verdict_votes (
    id          INTEGER PRIMARY KEY,
    verdict_id  INTEGER NOT NULL REFERENCES verdicts (id),
    voter_id    INTEGER NOT NULL REFERENCES users (id),
    vote        TEXT    NOT NULL CHECK (vote IN ('approve')),
    note        TEXT    NULL,
    at          TEXT    NOT NULL,
    UNIQUE (verdict_id, voter_id)
);

CREATE TABLE evidence (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER NOT NULL REFERENCES claims (id),
    url         TEXT    NOT NULL CHECK (url LIKE 'http://%' OR url LIKE 'https://%'),
    title       TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    stance      TEXT    NOT NULL CHECK (stance IN ('supports', 'refutes', 'context')),
    note        TEXT    NULL,
    added_by    INTEGER NOT NULL REFERENCES users (id),
    added_at    TEXT    NOT NULL,
    removed_at  TEXT    NULL,
    removed_by  INTEGER NULL REFERENCES users (id)
);
CREATE INDEX ix_evidence_claim ON evidence (claim_id);

-- The evidence a verdict rests on, as it was when the verdict was submitted.
CREATE TABLE verdict_evidence (
    verdict_id  INTEGER NOT NULL REFERENCES verdicts (id),
    evidence_id INTEGER NOT NULL REFERENCES evidence (id),
    PRIMARY KEY (verdict_id, evidence_id)
) WITHOUT ROWID;

-- A public correction: opened by an editor with a reason, published with the verdict version that fixes it.
CREATE TABLE corrections (
    id                  INTEGER PRIMARY KEY,
    claim_id            INTEGER NOT NULL REFERENCES claims (id),
    reason              TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    opened_by           INTEGER NOT NULL REFERENCES users (id),
    opened_at           TEXT    NOT NULL,
    previous_verdict_id INTEGER NOT NULL REFERENCES verdicts (id),
    new_verdict_id      INTEGER NULL REFERENCES verdicts (id),
    published_at        TEXT    NULL
);
CREATE INDEX ix_corrections_claim ON corrections (claim_id);
CREATE UNIQUE INDEX ux_corrections_open ON corrections (claim_id) WHERE published_at IS NULL;
