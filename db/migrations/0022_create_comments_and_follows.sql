-- Staff talk on a claim, and who follows a claim. Neither is ever read by the public site, feeds or ClaimReview.

CREATE TABLE claim_comments (
    id         INTEGER PRIMARY KEY,
    claim_id   INTEGER NOT NULL REFERENCES claims (id),
    author_id  INTEGER NOT NULL REFERENCES users (id),
    body       TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    created_at TEXT    NOT NULL,
    edited_at  TEXT    NULL,
    version    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_claim_comments_claim ON claim_comments (claim_id, id);

-- A row is an explicit choice (or an automatic follow on assignment or comment). Whoever recorded the claim or is
-- its assignee follows it without a row; a row with following = 0 is an unfollow that automatic follows respect.
CREATE TABLE claim_follows (
    claim_id  INTEGER NOT NULL REFERENCES claims (id),
    user_id   INTEGER NOT NULL REFERENCES users (id),
    following INTEGER NOT NULL CHECK (following IN (0, 1)),
    reason    TEXT    NOT NULL CHECK (reason IN ('chose', 'assigned', 'commented')),
    at        TEXT    NOT NULL,
    PRIMARY KEY (claim_id, user_id)
) WITHOUT ROWID;
CREATE INDEX ix_claim_follows_user ON claim_follows (user_id) WHERE following = 1;
