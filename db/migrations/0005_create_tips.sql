-- Tips from readers: "I saw this claim, please check it". Kept apart from claims until an editor turns one
-- into a claim (status 'converted', claim_id set) or dismisses it. Tips never appear in claim lists or search.
CREATE TABLE tips (
    id             INTEGER PRIMARY KEY,
    text           TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
    url            TEXT    NULL CHECK (url IS NULL OR ((url LIKE 'http://%' OR url LIKE 'https://%') AND length(url) <= 2000)),
    language       TEXT    NULL CHECK (language IS NULL OR length(language) <= 60),
    where_seen     TEXT    NULL CHECK (where_seen IS NULL OR length(where_seen) <= 200),
    contact        TEXT    NULL CHECK (contact IS NULL OR length(contact) <= 200),
    status         TEXT    NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'converted', 'dismissed')),
    claim_id       INTEGER NULL REFERENCES claims (id),
    handled_by     INTEGER NULL REFERENCES users (id),
    handled_at     TEXT    NULL,
    dismiss_reason TEXT    NULL CHECK (dismiss_reason IS NULL OR length(dismiss_reason) BETWEEN 1 AND 500),
    created_at     TEXT    NOT NULL,
    -- SHA-256 of a per-database salt and the sender's network (IPv4 address or IPv6 /64): lets an editor see
    -- that many tips came from one sender without keeping anyone's address.
    client_hash    TEXT    NULL CHECK (client_hash IS NULL OR length(client_hash) = 64),
    CHECK ((status = 'converted') = (claim_id IS NOT NULL)),
    CHECK ((status = 'dismissed') = (dismiss_reason IS NOT NULL)),
    CHECK ((status = 'new') = (handled_at IS NULL))
);
CREATE INDEX ix_tips_status ON tips (status, created_at);
CREATE INDEX ix_tips_client ON tips (client_hash);
CREATE INDEX ix_tips_claim ON tips (claim_id);

-- The salt is random per database and never leaves it, so hashes cannot be matched against another
-- installation's or a precomputed table.
CREATE TABLE tip_client_salt (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    salt BLOB    NOT NULL CHECK (length(salt) = 32)
);
INSERT INTO tip_client_salt (id, salt) VALUES (1, randomblob(32));
