-- E-mailed codes are now stored hashed and may be tried a limited number of times.
ALTER TABLE two_factor_code ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE forgotten_password_code ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE change_email_code ADD COLUMN attempts integer NOT NULL DEFAULT 0;
CREATE INDEX ix_two_factor_code_email ON two_factor_code (lower(email));
CREATE INDEX ix_forgotten_password_code_email ON forgotten_password_code (lower(email));
CREATE INDEX ix_change_email_code_user_id ON change_email_code (user_id);

-- Failed sign-in counters per account and per client address, shared by every replica.
CREATE TABLE auth_login_throttle (
    throttle_key  varchar(320) PRIMARY KEY,
    window_start  timestamptz  NOT NULL,
    failures      integer      NOT NULL,
    locked_until  timestamptz
);
