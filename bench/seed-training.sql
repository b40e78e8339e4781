-- Seeds the benchmark database: 20 specialties, 10 000 trainings, 10 000 open sessions (one per
-- training), 10 000 students and 100 000 applications spread over the sessions and statuses.
-- Run after the service has migrated the database.
INSERT INTO specialty (created_at, updated_at, name, description)
SELECT now(), now(), 'Spécialité ' || n, 'Description ' || n FROM generate_series(1, 20) n;

INSERT INTO trainings (id, created_at, updated_at, title, status, duration, duration_unit, specialty_id, training_type,
    presentation, benefits, strengths, target_skills, program, target_audience, enrollment)
SELECT 'bench-training-' || n, now() - make_interval(mins => n), now(), 'Formation ' || n,
       CASE WHEN n % 10 = 0 THEN 'INACTIVE' ELSE 'ACTIVE' END, 6, 'MONTHS',
       (SELECT min(id) FROM specialty) + n % 20, CASE WHEN n % 2 = 0 THEN 'On-Site' ELSE 'Off-Site' END,
       repeat('Présentation de la formation ' || n || '. ', 12),
       '[{"image":"b.png","content":"Débouchés","url":"https://example.org"}]', '[{"image":"s.png","content":"Stages"}]',
       'Compétences visées', repeat('Module. ', 20), 'Public visé', 'Inscriptions ouvertes'
FROM generate_series(1, 10000) n;

INSERT INTO training_sessions (id, created_at, updated_at, training_id, start_date, end_date, registration_deadline,
    available_slots, status, registration_fee, training_fee, currency, required_attachments, installment_percentage)
SELECT 'bench-session-' || n, now() - make_interval(mins => n), now(), 'bench-training-' || n,
       current_date + 60, current_date + 240, current_date + 30, NULL, 'OPEN_FOR_REGISTRATION', 0, 250000.00, 'XOF',
       '["CV"]', '[50, 50]'
FROM generate_series(1, 10000) n;

INSERT INTO users (id, created_at, updated_at, first_name, last_name, email, password, status, lang, user_type, two_factor_enabled)
SELECT 'bench-user-' || n, now(), now(), 'Prénom' || n, 'Nom' || n, 'bench-student-' || n || '@example.test', '!', 'active', 'fr',
       'student', false
FROM generate_series(0, 9999) n;

INSERT INTO student_applications (created_at, updated_at, user_id, training_id, target_session_id, application_number, status,
    registration_fee, training_fee, currency)
SELECT now() - make_interval(secs => n), now(), 'bench-user-' || (n % 10000), 'bench-training-' || (n / 10 + 1),
       'bench-session-' || (n / 10 + 1), 'BENCH-' || n,
       (ARRAY['RECEIVED', 'SUBMITTED', 'APPROVED', 'REFUSED'])[n % 4 + 1], 0, 250000.00, 'XOF'
FROM generate_series(0, 99999) n;

ANALYZE;
