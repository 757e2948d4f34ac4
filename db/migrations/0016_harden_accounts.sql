-- Accounts after the security review (issue 18).

-- A personal API token has a name its owner chose, and carries the account's security stamp from when it was issued:
-- a password change or reset, a role change or a deactivation changes the stamp, and every older token stops working.
ALTER TABLE api_tokens ADD COLUMN name TEXT NOT NULL DEFAULT 'API token' CHECK (length(name) BETWEEN 1 AND 100);
ALTER TABLE api_tokens ADD COLUMN security_stamp TEXT NULL;
UPDATE api_tokens SET security_stamp = (SELECT u.security_stamp FROM users u WHERE u.id = api_tokens.user_id);

-- Set for the first admin whose password was printed on the console, and for anyone whose password an admin reset:
-- they choose their own at the next sign-in before doing anything else.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));

-- Failed sign-ins, counted in a sliding window per account and client network (IPv4 address or IPv6 /64), so a
-- stranger's failures lock the account only for the stranger's network. The network is kept only as a salted hash
-- (the tips' salt), and rows older than the window are deleted as new ones come in. user_id is NULL for an unknown
-- username. Replaces users.failed_logins and users.lockout_until, which are no longer read.
CREATE TABLE sign_in_failures (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NULL REFERENCES users (id) ON DELETE CASCADE,
    network_hash TEXT    NOT NULL,
    at           TEXT    NOT NULL
);
CREATE INDEX ix_sign_in_failures_user ON sign_in_failures (user_id, at);
CREATE INDEX ix_sign_in_failures_at ON sign_in_failures (at);
