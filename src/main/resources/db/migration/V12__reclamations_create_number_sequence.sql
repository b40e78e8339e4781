-- Readable reclamation numbers (REC-<year>-<n>) from a sequence instead of count(*) + 1, which two
-- reclamations filed at once could share. Legacy numbers (REC-0001-<timestamp>) keep their shape.
CREATE SEQUENCE IF NOT EXISTS reclamation_number_seq START WITH 1;
CREATE INDEX IF NOT EXISTS ix_reclamations_live_created ON reclamations (created_at, id) WHERE delete_at IS NULL;
