-- The dashboard reuses its period figures until something they count changes; the newest move into or out of a
-- closed state is one of the signs, read from this index in one step.
CREATE INDEX ix_claim_transitions_closing ON claim_transitions (id)
WHERE to_status IN ('published', 'rejected', 'merged') OR from_status IN ('published', 'rejected', 'merged');
