-- How many claims are in each state, by language and by topic, kept by triggers (see db/migrations/0014).
CREATE TABLE claim_state_counts (
    status   text   NOT NULL,
    language text   NOT NULL,
    claims   bigint NOT NULL,
    PRIMARY KEY (status, language)
);

CREATE TABLE topic_state_counts (
    topic  text   NOT NULL COLLATE nocase,
    status text   NOT NULL,
    claims bigint NOT NULL,
    PRIMARY KEY (topic, status)
);

INSERT INTO claim_state_counts (status, language, claims)
SELECT status, language, count(*) FROM claims GROUP BY status, language;

INSERT INTO topic_state_counts (topic, status, claims)
SELECT t.topic, c.status, count(*) FROM claim_topics t JOIN claims c ON c.id = t.claim_id GROUP BY t.topic, c.status;

CREATE FUNCTION claim_state_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO claim_state_counts AS s (status, language, claims) VALUES (new.status, new.language, 1)
    ON CONFLICT (status, language) DO UPDATE SET claims = s.claims + 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER claim_state_counts_insert AFTER INSERT ON claims FOR EACH ROW EXECUTE FUNCTION claim_state_counts_insert();

CREATE FUNCTION claim_state_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE claim_state_counts SET claims = claims - 1 WHERE status = old.status AND language = old.language;
    RETURN NULL;
END;
$$;
CREATE TRIGGER claim_state_counts_delete AFTER DELETE ON claims FOR EACH ROW EXECUTE FUNCTION claim_state_counts_delete();

CREATE FUNCTION claim_state_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE claim_state_counts SET claims = claims - 1 WHERE status = old.status AND language = old.language;
    INSERT INTO claim_state_counts AS s (status, language, claims) VALUES (new.status, new.language, 1)
    ON CONFLICT (status, language) DO UPDATE SET claims = s.claims + 1;
    IF old.status IS DISTINCT FROM new.status THEN
        UPDATE topic_state_counts SET claims = claims - 1
        WHERE status = old.status AND topic IN (SELECT topic FROM claim_topics WHERE claim_id = new.id);
        INSERT INTO topic_state_counts AS s (topic, status, claims)
        SELECT topic, new.status, 1 FROM claim_topics WHERE claim_id = new.id
        ON CONFLICT (topic, status) DO UPDATE SET claims = s.claims + 1;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER claim_state_counts_update AFTER UPDATE OF status, language ON claims
FOR EACH ROW WHEN (old.status IS DISTINCT FROM new.status OR old.language IS DISTINCT FROM new.language)
EXECUTE FUNCTION claim_state_counts_update();

CREATE FUNCTION topic_state_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO topic_state_counts AS s (topic, status, claims)
    SELECT new.topic, status, 1 FROM claims WHERE id = new.claim_id
    ON CONFLICT (topic, status) DO UPDATE SET claims = s.claims + 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER topic_state_counts_insert AFTER INSERT ON claim_topics FOR EACH ROW EXECUTE FUNCTION topic_state_counts_insert();

CREATE FUNCTION topic_state_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE topic_state_counts SET claims = claims - 1
    WHERE topic = old.topic AND status = (SELECT status FROM claims WHERE id = old.claim_id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER topic_state_counts_delete AFTER DELETE ON claim_topics FOR EACH ROW EXECUTE FUNCTION topic_state_counts_delete();

CREATE FUNCTION topic_state_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE topic_state_counts SET claims = claims - 1
    WHERE topic = old.topic AND status = (SELECT status FROM claims WHERE id = old.claim_id);
    INSERT INTO topic_state_counts AS s (topic, status, claims)
    SELECT new.topic, status, 1 FROM claims WHERE id = new.claim_id
    ON CONFLICT (topic, status) DO UPDATE SET claims = s.claims + 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER topic_state_counts_update AFTER UPDATE OF topic, claim_id ON claim_topics FOR EACH ROW EXECUTE FUNCTION topic_state_counts_update();
