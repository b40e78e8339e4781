-- Browser sessions of the single sign-on into Moodle: an HttpOnly cookie holds a random value whose
-- SHA-256 is stored here, so a person signed in once goes straight through on the next visit.
CREATE TABLE auth_sso_session (
    id_hash     varchar(64) PRIMARY KEY,
    user_id     varchar     NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX ix_auth_sso_session_user_id ON auth_sso_session (user_id);
CREATE INDEX ix_auth_sso_session_expires_at ON auth_sso_session (expires_at);
