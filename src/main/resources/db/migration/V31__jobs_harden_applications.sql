-- Candidate codes are stored hashed, may be tried a limited number of times, and expire. Codes the
-- old backend stored in clear text never match a hash, so they are dead after this migration.
ALTER TABLE job_application_codes ADD COLUMN attempts integer NOT NULL DEFAULT 0;
CREATE INDEX ix_job_application_codes_application ON job_application_codes (application_id);

-- The candidate's language for e-mails (fr unless the application was made in English).
ALTER TABLE job_applications ADD COLUMN lang varchar(2);
CREATE INDEX ix_job_applications_job_offer ON job_applications (job_offer_id);
CREATE INDEX ix_job_attachments_application ON job_attachments (application_id);
CREATE INDEX ix_job_attachments_file_path ON job_attachments (file_path);

-- Counters behind the public routes' rate limits (OTP requests, uploads, applications), shared by replicas.
CREATE TABLE jobs_request_limit (
    limit_key    varchar(400) PRIMARY KEY,
    window_start timestamptz  NOT NULL,
    hits         integer      NOT NULL
);

-- Short-lived links to private attachment files, given to staff and to the candidate who proved
-- who they are with a code; only the token's hash is kept.
CREATE TABLE job_attachment_download (
    token_hash    char(64)    PRIMARY KEY,
    attachment_id integer     NOT NULL REFERENCES job_attachments (id) ON DELETE CASCADE,
    expires_at    timestamptz NOT NULL
);
CREATE INDEX ix_job_attachment_download_expires ON job_attachment_download (expires_at);
