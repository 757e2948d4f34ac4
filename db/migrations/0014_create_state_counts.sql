-- How many claims are in each state, by language and by topic, kept by triggers in the same transaction as every
-- change. The dashboard's closed-state counts (published, rejected, merged: most of a desk's claims) read these few
-- rows instead of counting ~100,000 claims on every refresh; with a topic filter the count had to look up each
-- claim's topics (measured: 96 ms at 100,000 claims, against well under 1 ms here).
CREATE TABLE claim_state_counts (
    status   TEXT    NOT NULL,
    language TEXT    NOT NULL,
    claims   INTEGER NOT NULL,
    PRIMARY KEY (status, language)
) WITHOUT ROWID;

CREATE TABLE topic_state_counts (
    topic  TEXT    NOT NULL COLLATE NOCASE,
    status TEXT    NOT NULL,
    claims INTEGER NOT NULL,
    PRIMARY KEY (topic, status)
) WITHOUT ROWID;

INSERT INTO claim_state_counts (status, language, claims)
SELECT status, language, count(*) FROM claims GROUP BY status, language;

INSERT INTO topic_state_counts (topic, status, claims)
SELECT t.topic, c.status, count(*) FROM claim_topics t JOIN claims c ON c.id = t.claim_id GROUP BY t.topic, c.status;

CREATE TRIGGER claim_state_counts_insert AFTER INSERT ON claims
BEGIN
    INSERT INTO claim_state_counts (status, language, claims) VALUES (NEW.status, NEW.language, 1)
    ON CONFLICT (status, language) DO UPDATE SET claims = claims + 1;
END;

CREATE TRIGGER claim_state_counts_delete AFTER DELETE ON claims
BEGIN
    UPDATE claim_state_counts SET claims = claims - 1 WHERE status = OLD.status AND language = OLD.language;
END;

CREATE TRIGGER claim_state_counts_update AFTER UPDATE OF status, language ON claims
WHEN OLD.status IS NOT NEW.status OR OLD.language IS NOT NEW.language
BEGIN
    UPDATE claim_state_counts SET claims = claims - 1 WHERE status = OLD.status AND language = OLD.language;
    INSERT INTO claim_state_counts (status, language, claims) VALUES (NEW.status, NEW.language, 1)
    ON CONFLICT (status, language) DO UPDATE SET claims = claims + 1;
    UPDATE topic_state_counts SET claims = claims - 1
    WHERE status = OLD.status AND OLD.status IS NOT NEW.status AND topic IN (SELECT topic FROM claim_topics WHERE claim_id = NEW.id);
    INSERT INTO topic_state_counts (topic, status, claims)
    SELECT topic, NEW.status, 1 FROM claim_topics WHERE claim_id = NEW.id AND OLD.status IS NOT NEW.status
    ON CONFLICT (topic, status) DO UPDATE SET claims = claims + 1;
END;

CREATE TRIGGER topic_state_counts_insert AFTER INSERT ON claim_topics
BEGIN
    INSERT INTO topic_state_counts (topic, status, claims)
    SELECT NEW.topic, status, 1 FROM claims WHERE id = NEW.claim_id
    ON CONFLICT (topic, status) DO UPDATE SET claims = claims + 1;
END;

CREATE TRIGGER topic_state_counts_delete AFTER DELETE ON claim_topics
BEGIN
    UPDATE topic_state_counts SET claims = claims - 1
    WHERE topic = OLD.topic AND status = (SELECT status FROM claims WHERE id = OLD.claim_id);
END;

CREATE TRIGGER topic_state_counts_update AFTER UPDATE OF topic, claim_id ON claim_topics
BEGIN
    UPDATE topic_state_counts SET claims = claims - 1
    WHERE topic = OLD.topic AND status = (SELECT status FROM claims WHERE id = OLD.claim_id);
    INSERT INTO topic_state_counts (topic, status, claims)
    SELECT NEW.topic, status, 1 FROM claims WHERE id = NEW.claim_id
    ON CONFLICT (topic, status) DO UPDATE SET claims = claims + 1;
END;
