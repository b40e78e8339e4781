-- The public site has no sign-in: after applying, the same browser uploads the documents and
-- submits. The application remembers a digest (SHA-256) of the address it was created from, never
-- the address itself, so that this anonymous follow-up is allowed only to that client and only
-- for a short while (see lafaom.registration.anonymous-follow-up-window).
ALTER TABLE student_applications ADD COLUMN IF NOT EXISTS follow_up_address varchar(64);

-- Instalments are read per application on every training-fee payment and settlement.
CREATE INDEX IF NOT EXISTS ix_training_fee_installment_payments_application
    ON training_fee_installment_payments (application_id) WHERE delete_at IS NULL;

-- Exact money next to the old backend's double precision columns, which keep being written for
-- the readers that know only them (the same choice as payments.amount in V30).
ALTER TABLE training_fee_installment_payments
    ADD COLUMN IF NOT EXISTS exact_amount numeric(14, 2),
    ADD COLUMN IF NOT EXISTS exact_rest_to_pay numeric(14, 2);
