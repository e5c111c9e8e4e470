-- Secrets a user keeps for their workspaces (Coder's user_secrets). The value is never stored in clear:
-- "value" is AES-256-GCM output (12-byte nonce, ciphertext, 16-byte tag) under the key that value_key_id
-- names (the first 16 hex digits of the key's SHA-256), so that keys can be rotated row by row.
CREATE TABLE user_secrets (
    id           uuid        PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text        NOT NULL CHECK (name <> ''),
    description  text        NOT NULL DEFAULT '',
    -- Where the workspace gets the value: an environment variable, a file, both or neither ('').
    env_name     text        NOT NULL DEFAULT '',
    file_path    text        NOT NULL DEFAULT '',
    value        bytea       NOT NULL,
    value_key_id text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Names, variables and paths are each unique per user (empty variables and paths do not count).
CREATE UNIQUE INDEX user_secrets_user_name_idx ON user_secrets (user_id, name);
CREATE UNIQUE INDEX user_secrets_user_env_name_idx ON user_secrets (user_id, env_name) WHERE env_name <> '';
CREATE UNIQUE INDEX user_secrets_user_file_path_idx ON user_secrets (user_id, file_path) WHERE file_path <> '';
CREATE INDEX user_secrets_value_key_id_idx ON user_secrets (value_key_id);

COMMENT ON COLUMN user_secrets.value IS 'AES-256-GCM: nonce (12 bytes) || ciphertext || tag (16 bytes); never the value in clear.';
COMMENT ON COLUMN user_secrets.value_key_id IS 'First 16 hex digits of the SHA-256 of the key that encrypted value.';
