-- Tamper evidence for the audit log (issue 18). Each row carries row_hash, the SHA-256 of its content and of the previous
-- row's hash (prev_hash), computed by the app as it writes the row, so a row changed, removed or slipped in breaks the
-- chain from there on; `dotnet run --project src/FactCheck.Web -- verify-audit` and /admin/audit find the first break.
-- Rows written before this migration are chained once, in id order, at the next start.
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NULL;
ALTER TABLE audit_log ADD COLUMN row_hash TEXT NULL;

-- Still append-only. The one update allowed gives a row that has no hash yet its hashes, leaving everything else as it
-- was: that is how the rows from before the chain are chained.
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (old.row_hash IS NULL AND new.row_hash IS NOT NULL AND new.prev_hash IS NOT NULL
          AND new.id IS old.id AND new.at IS old.at AND new.actor_id IS old.actor_id AND new.actor_name IS old.actor_name
          AND new.action IS old.action AND new.entity IS old.entity AND new.entity_id IS old.entity_id
          AND new.before_json IS old.before_json AND new.after_json IS old.after_json)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
