-- Staff accounts. Readers are anonymous and have no row here.
CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    username        TEXT    NOT NULL COLLATE NOCASE UNIQUE CHECK (length(username) BETWEEN 2 AND 64),
    display_name    TEXT    NOT NULL CHECK (length(display_name) BETWEEN 1 AND 128),
    email           TEXT    NULL,
    password_hash   TEXT    NOT NULL,
    is_active       INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    lockout_until   TEXT    NULL,
    -- Changes whenever credentials, roles or status change; sign-in cookies carry it and die with it.
    security_stamp  TEXT    NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    TEXT    NOT NULL CHECK (role IN ('admin', 'editor', 'factchecker')),
    PRIMARY KEY (user_id, role)
) WITHOUT ROWID;

-- Personal API tokens: only a SHA-256 hash of the token is kept.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   TEXT    NOT NULL,
    expires_at   TEXT    NOT NULL,
    last_used_at TEXT    NULL,
    revoked_at   TEXT    NULL
);
CREATE INDEX ix_api_tokens_user ON api_tokens (user_id);
