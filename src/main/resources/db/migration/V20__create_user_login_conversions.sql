-- Conversions of a password user to GitHub or OpenID Connect in progress (POST /users/{user}/convert-login),
-- until the OAuth callback that completes them, for five minutes. Coder carries the same facts in a signed
-- cookie; here the cookie holds a random secret and only its SHA-256 is stored.
CREATE TABLE user_login_conversions (
    cookie_hash     bytea       PRIMARY KEY,
    -- The OAuth state the conversion's sign-in must come back with ("convert-" and 32 random characters).
    state           text        NOT NULL UNIQUE,
    user_id         uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    from_login_type login_type  NOT NULL,
    to_login_type   login_type  NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL
);

CREATE INDEX user_login_conversions_user_id_idx ON user_login_conversions (user_id);
