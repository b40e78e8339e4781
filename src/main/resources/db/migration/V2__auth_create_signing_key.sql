-- RS256 signing keys shared by every replica. The private key is encrypted (AES-GCM) with a key
-- from the environment; the public JWK is published at /api/v1/auth/jwks.json from publish_at on.
CREATE TABLE auth_signing_key (
    kid                 varchar(64) PRIMARY KEY,
    public_jwk          text        NOT NULL,
    private_key_enc     bytea       NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    publish_at          timestamptz NOT NULL,
    activate_at         timestamptz NOT NULL,
    retire_at           timestamptz,
    unpublish_at        timestamptz
);
CREATE INDEX ix_auth_signing_key_activate_at ON auth_signing_key (activate_at);
