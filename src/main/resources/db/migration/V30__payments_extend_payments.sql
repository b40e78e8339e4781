-- Exact money and the facts of each payment attempt, beside the legacy double precision columns
-- (still filled, for the readers that use them). Legacy rows keep these new columns null.
ALTER TABLE payments
    ADD COLUMN amount          numeric(14, 2),   -- product amount, exact (product_amount keeps the double)
    ADD COLUMN charged_amount  numeric(14, 2),   -- what CinetPay was asked to charge, in payment_currency
    ADD COLUMN rate            numeric(24, 10),  -- product_currency -> payment_currency rate used (daily_rate keeps the double)
    ADD COLUMN rate_source     varchar(32),      -- identity, fixed or provider
    ADD COLUMN rate_at         timestamptz,      -- when that rate was quoted
    ADD COLUMN received_amount numeric(14, 2),   -- amount CinetPay's check reported
    ADD COLUMN provider_status varchar(500),     -- last status CinetPay's check reported
    ADD COLUMN status_reason   varchar(500),     -- why a payment is refused, cancelled, in error or a duplicate
    ADD COLUMN settled_at      timestamptz,
    ADD COLUMN last_checked_at timestamptz,
    ADD COLUMN next_check_at   timestamptz,      -- when reconciliation asks CinetPay again
    ADD COLUMN check_count     integer NOT NULL DEFAULT 0;

-- One payment in flight per payable. Only rows written by this service (charged_amount set) are
-- covered: the old backend opened a new attempt on every retry, and its rows must stay valid.
CREATE UNIQUE INDEX ux_payments_one_in_flight ON payments (payable_type, payable_id)
    WHERE status = 'pending' AND charged_amount IS NOT NULL AND delete_at IS NULL;
CREATE INDEX ix_payments_payable ON payments (payable_type, payable_id);
CREATE INDEX ix_payments_pending ON payments (next_check_at) WHERE status = 'pending';
CREATE INDEX ix_payments_created_at ON payments (created_at);

ALTER TABLE cinetpay_payments ADD COLUMN operator_id varchar(255);
