-- Refresh-token rotation: each login starts a family; a rotated token points at its successor, and
-- presenting a rotated token again revokes the whole family (token theft detection).
ALTER TABLE refresh_token ADD COLUMN family_id varchar;
ALTER TABLE refresh_token ADD COLUMN revoked_at timestamptz;
ALTER TABLE refresh_token ADD COLUMN replaced_by varchar;
CREATE INDEX ix_refresh_token_family_id ON refresh_token (family_id);
CREATE INDEX ix_refresh_token_user_id ON refresh_token (user_id);

-- Logout of one session revokes its access token until it expires.
CREATE TABLE auth_revoked_access_token (
    jti        varchar(64) PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX ix_auth_revoked_access_token_expires_at ON auth_revoked_access_token (expires_at);

-- Tokens issued before this instant are refused (password change, "log out everywhere", blocking).
ALTER TABLE users ADD COLUMN sessions_revoked_at timestamptz;
CREATE INDEX IF NOT EXISTS ix_users_email_lower ON users (lower(email));
