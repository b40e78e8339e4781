-- Indexes for the catalogue's lists and the lookups of registration. The legacy schema has
-- primary keys only; these make the public lists and the per-session queries index scans.
CREATE INDEX IF NOT EXISTS ix_trainings_live_created ON trainings (created_at, id) WHERE delete_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_trainings_specialty ON trainings (specialty_id) WHERE delete_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_training_sessions_live_created ON training_sessions (created_at, id) WHERE delete_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_training_sessions_training ON training_sessions (training_id, created_at) WHERE delete_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_training_session_participants_session ON training_session_participants (session_id) WHERE delete_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_specialty_live_name ON specialty (lower(name)) WHERE delete_at IS NULL;
