-- V11 wrote the live-application predicate as `status IN (...)` on a varchar column. PostgreSQL
-- stores that as an array of varchar literals cast to text, and re-renders it in another form
-- after a dump and restore, so a restored database's schema did not read the same as its source.
-- A text array literal reads back identically. Same name, same rows covered; only where V11
-- could create it (an adopted database holding duplicates has none, see docs/training.md).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'ux_student_applications_live_per_session') THEN
        DROP INDEX ux_student_applications_live_per_session;
        CREATE UNIQUE INDEX ux_student_applications_live_per_session ON student_applications (user_id, target_session_id)
            WHERE delete_at IS NULL AND status::text = ANY ('{RECEIVED,SUBMITTED,APPROVED}'::text[]);
    END IF;
END
$$;
