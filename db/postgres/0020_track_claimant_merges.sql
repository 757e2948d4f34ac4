-- Merging two records of one claimant (issue 21): the claims move to the claimant kept, and the merged row stays,
-- pointing at it, so its old addresses (/claimants/{id}, /claimants/{id}/verdicts) redirect instead of failing.
-- Its name and kind stay reserved by the UNIQUE constraint: finding a claimant by name follows merged_into_id.
ALTER TABLE claimants ADD COLUMN merged_into_id bigint NULL REFERENCES claimants (id);
ALTER TABLE claimants ADD COLUMN merged_at text NULL;
