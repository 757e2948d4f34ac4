-- Tamper evidence for the audit log (issue 18): each row carries row_hash, the SHA-256 of its content and of the previous
-- row's hash (prev_hash); see db/migrations/0019.
ALTER TABLE audit_log ADD COLUMN prev_hash text NULL;
ALTER TABLE audit_log ADD COLUMN row_hash text NULL;

-- Still append-only. The one update allowed gives a row that has no hash yet its hashes, leaving everything else as it
-- was: that is how the rows from before the chain are chained.
DROP TRIGGER audit_log_no_update ON audit_log;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
FOR EACH ROW WHEN (NOT (old.row_hash IS NULL AND new.row_hash IS NOT NULL AND new.prev_hash IS NOT NULL
          AND new.id IS NOT DISTINCT FROM old.id AND new.at IS NOT DISTINCT FROM old.at
          AND new.actor_id IS NOT DISTINCT FROM old.actor_id AND new.actor_name IS NOT DISTINCT FROM old.actor_name
          AND new.action IS NOT DISTINCT FROM old.action AND new.entity IS NOT DISTINCT FROM old.entity
          AND new.entity_id IS NOT DISTINCT FROM old.entity_id AND new.before_json IS NOT DISTINCT FROM old.before_json
          AND new.after_json IS NOT DISTINCT FROM old.after_json))
EXECUTE FUNCTION audit_log_append_only();
