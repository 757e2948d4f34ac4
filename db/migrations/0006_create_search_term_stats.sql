-- Document frequency of each search term, copied from the full-text index by a periodic job.
-- Reading a common term's frequency from fts5vocab costs time in proportion to how common it is;
-- this cache makes it a key lookup. A term missing here is new, hence rare, and cheap to look up live.
CREATE TABLE search_term_stats (
    term TEXT    NOT NULL PRIMARY KEY,
    docs INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE search_stats_meta (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    refreshed_at  TEXT    NOT NULL,
    documents     INTEGER NOT NULL
);

-- Browsing sorts walk an index instead of sorting every claim ("newest" is the highest id: ids follow creation).
CREATE INDEX ix_claims_status_id ON claims (status, id);
CREATE INDEX ix_claims_title ON claims (title COLLATE NOCASE);
