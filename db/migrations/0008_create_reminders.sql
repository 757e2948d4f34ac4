-- Deadlines and reminders. The schedule lives here, not in Hangfire (whose in-memory storage forgets on restart):
-- a ladder per claim and stage with the times of its steps, every reminder sent recorded under a unique key,
-- in-app notifications, and an e-mail outbox that a mail server being down only delays.

ALTER TABLE users ADD COLUMN email_reminders INTEGER NOT NULL DEFAULT 1 CHECK (email_reminders IN (0, 1));
ALTER TABLE users ADD COLUMN daily_digest INTEGER NOT NULL DEFAULT 1 CHECK (daily_digest IN (0, 1));

-- Opened when a stage with a deadline starts (research towards a verdict, or a verdict waiting for review) and
-- ended in the same transaction as the workflow action that ends the stage. next_at is when the sweep must look
-- at it again (NULL: every step is done).
CREATE TABLE ladders (
    id            INTEGER PRIMARY KEY,
    claim_id      INTEGER NOT NULL REFERENCES claims (id),
    stage         TEXT    NOT NULL CHECK (stage IN ('verdict', 'review')),
    actor_id      INTEGER NULL REFERENCES users (id),
    escalate_to   INTEGER NULL REFERENCES users (id),
    started_at    TEXT    NOT NULL,
    due_at        TEXT    NOT NULL,
    due_soon_at   TEXT    NOT NULL,
    escalate_at   TEXT    NULL,
    next_at       TEXT    NULL,
    snoozed_until TEXT    NULL,
    ended_at      TEXT    NULL
);
CREATE UNIQUE INDEX ux_ladders_open ON ladders (claim_id) WHERE ended_at IS NULL;
CREATE INDEX ix_ladders_next ON ladders (next_at) WHERE ended_at IS NULL AND next_at IS NOT NULL;

-- One row per ladder, step and recipient, ever: the unique key is what makes a reminder go out once whatever
-- restarts, retries or concurrent sweeps happen. A step that came due together with a later one is 'skipped'.
CREATE TABLE reminders (
    id           INTEGER PRIMARY KEY,
    ladder_id    INTEGER NOT NULL REFERENCES ladders (id),
    claim_id     INTEGER NOT NULL REFERENCES claims (id),
    step         TEXT    NOT NULL CHECK (step IN ('due-soon', 'overdue', 'escalation', 'waiting-for-review')),
    recipient_id INTEGER NOT NULL REFERENCES users (id),
    outcome      TEXT    NOT NULL CHECK (outcome IN ('sent', 'skipped')),
    at           TEXT    NOT NULL,
    UNIQUE (ladder_id, step, recipient_id)
);
CREATE INDEX ix_reminders_claim ON reminders (claim_id);
CREATE INDEX ix_reminders_at ON reminders (at);

CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    claim_id   INTEGER NULL REFERENCES claims (id),
    kind       TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    body       TEXT    NULL,
    created_at TEXT    NOT NULL,
    read_at    TEXT    NULL
);
CREATE INDEX ix_notifications_user ON notifications (user_id, id);
CREATE INDEX ix_notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    notification_id INTEGER NULL REFERENCES notifications (id),
    to_address      TEXT    NOT NULL,
    to_name         TEXT    NULL,
    subject         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    sent_at         TEXT    NULL,
    last_error      TEXT    NULL
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;

-- The daily digest goes out once per person and local day.
CREATE TABLE digests (
    user_id    INTEGER NOT NULL REFERENCES users (id),
    local_date TEXT    NOT NULL,
    at         TEXT    NOT NULL,
    PRIMARY KEY (user_id, local_date)
) WITHOUT ROWID;
