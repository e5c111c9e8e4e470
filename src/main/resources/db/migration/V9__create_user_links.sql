-- Links between a user and an external identity (GitHub, OpenID Connect).
CREATE TABLE user_links (
    user_id             uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    login_type          login_type  NOT NULL,
    -- GitHub numeric user id, or "<issuer>||<subject>" for OpenID Connect.
    linked_id           text        NOT NULL DEFAULT '',
    oauth_access_token  text        NOT NULL DEFAULT '',
    oauth_refresh_token text        NOT NULL DEFAULT '',
    oauth_expiry        timestamptz NOT NULL DEFAULT '0001-01-01 00:00:00+00',
    claims              jsonb       NOT NULL DEFAULT '{}',
    PRIMARY KEY (user_id, login_type)
);

CREATE INDEX user_links_linked_id_idx ON user_links (linked_id) WHERE linked_id <> '';
