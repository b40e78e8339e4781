-- Cabinet (consulting firm) applications: what the old table lacked to be safe and complete.
-- Additive only: the legacy columns keep their meaning (status and payment_status stay the native
-- enums holding upper-case member names).

-- The rejection reason in its own column (the old backend overwrote "qualifications" with it), who
-- decided and when, the firm's language for e-mails, and the hash of the token that proves to the
-- public routes that the caller is the applicant (the token itself is only e-mailed and returned once).
ALTER TABLE cabinet_applications ADD COLUMN rejection_reason varchar;
ALTER TABLE cabinet_applications ADD COLUMN decided_at timestamptz;
ALTER TABLE cabinet_applications ADD COLUMN decided_by varchar;
ALTER TABLE cabinet_applications ADD COLUMN lang varchar(2);
ALTER TABLE cabinet_applications ADD COLUMN access_token_hash char(64);

-- E-mails are compared case-insensitively (legacy rows may hold mixed case); the legacy unique
-- constraint on the exact text stays.
CREATE INDEX ix_cabinet_applications_lower_email ON cabinet_applications (lower(contact_email));
CREATE INDEX ix_cabinet_applications_user ON cabinet_applications (user_id);
CREATE INDEX ix_cabinet_applications_created ON cabinet_applications (created_at);
CREATE INDEX ix_cabinet_recruitment_campaigns_fee ON cabinet_recruitment_campaigns (application_fee_id);

-- Documents a firm uploads (the old route discarded them). Files live in the private uploads
-- folder; proposal_document_path keeps pointing to the latest one for legacy readers.
CREATE TABLE cabinet_application_documents (
    id             varchar      PRIMARY KEY,
    application_id varchar      NOT NULL REFERENCES cabinet_applications (id) ON DELETE CASCADE,
    document_type  varchar(100) NOT NULL,
    file_path      varchar(200) NOT NULL,
    file_name      varchar(255) NOT NULL,
    media_type     varchar(100) NOT NULL,
    size_bytes     bigint       NOT NULL,
    uploaded_by    varchar,
    created_at     timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX ix_cabinet_application_documents_application ON cabinet_application_documents (application_id, created_at);
