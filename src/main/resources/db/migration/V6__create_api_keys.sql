-- API keys: session tokens from logins and long-lived tokens. A token is "<id>-<secret>"; only the
-- SHA-256 of the secret is stored, so a leaked table does not leak usable tokens.
CREATE TABLE api_keys (
    id               text        PRIMARY KEY CHECK (id ~ '^[0-9a-zA-Z]{10}$'),
    hashed_secret    bytea       NOT NULL CHECK (length(hashed_secret) = 32),
    user_id          uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    last_used        timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    login_type       login_type  NOT NULL,
    lifetime_seconds bigint      NOT NULL DEFAULT 86400 CHECK (lifetime_seconds > 0),
    ip_address       inet        NOT NULL DEFAULT '0.0.0.0',
    token_name       text        NOT NULL DEFAULT '',
    scopes           text[]      NOT NULL DEFAULT '{coder:all}' CHECK (cardinality(scopes) > 0),
    allow_list       text[]      NOT NULL DEFAULT '{*:*}' CHECK (cardinality(allow_list) > 0)
);

CREATE INDEX api_keys_user_id_idx ON api_keys (user_id);
-- Token names are unique per user among tokens (login_type = token).
CREATE UNIQUE INDEX api_keys_user_id_token_name_idx ON api_keys (user_id, token_name) WHERE login_type = 'token';

COMMENT ON COLUMN api_keys.hashed_secret IS 'SHA-256 of the 22-character secret; the secret itself is never stored.';
