-- Readable application numbers come from a sequence (APP-TRAIN-<year>-<n>); legacy numbers have
-- another shape (APP-TRAIN-0001-<timestamp>), so the two never collide.
CREATE SEQUENCE IF NOT EXISTS student_application_number_seq START WITH 1;

CREATE INDEX IF NOT EXISTS ix_student_applications_live_created ON student_applications (created_at, id) WHERE delete_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_student_applications_session ON student_applications (target_session_id) WHERE delete_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_student_applications_user ON student_applications (user_id) WHERE delete_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_student_applications_training ON student_applications (training_id) WHERE delete_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_student_attachments_application ON student_attachments (application_id);

-- One live application per person and session. The service enforces it (under a per-applicant
-- lock) on every database; the index backs it up where the existing rows allow it. An adopted
-- database that already holds duplicates keeps them all (no row is touched): the index is then
-- skipped and the warning says so, and an operator can create it after merging the duplicates.
DO $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM student_applications
        WHERE delete_at IS NULL AND status IN ('RECEIVED', 'SUBMITTED', 'APPROVED')
        GROUP BY user_id, target_session_id HAVING count(*) > 1
    ) THEN
        RAISE WARNING 'student_applications holds several live applications of one person to one session; '
            'ux_student_applications_live_per_session was not created (see docs/training.md)';
    ELSE
        CREATE UNIQUE INDEX ux_student_applications_live_per_session ON student_applications (user_id, target_session_id)
            WHERE delete_at IS NULL AND status IN ('RECEIVED', 'SUBMITTED', 'APPROVED');
    END IF;
END
$$;
