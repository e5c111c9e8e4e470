-- Users, as Coder stores them. Users are soft-deleted (deleted = true) so that audit trails keep
-- their id; usernames and emails are unique, case-insensitively, among users that are not deleted.
CREATE TYPE user_status AS ENUM ('active', 'dormant', 'suspended');
CREATE TYPE login_type AS ENUM ('password', 'github', 'oidc', 'token', 'none', 'oauth2_provider_app');

CREATE TABLE users (
    id                 uuid        PRIMARY KEY,
    email              text        NOT NULL,
    username           text        NOT NULL CHECK (length(username) >= 1),
    name               text        NOT NULL DEFAULT '',
    -- Coder's "$pbkdf2-sha256$<iter>$<salt>$<hash>" string; empty for users without a password.
    hashed_password    text        NOT NULL DEFAULT '',
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    status             user_status NOT NULL DEFAULT 'dormant',
    -- Site-wide roles (owner, user-admin, template-admin, auditor); "member" is implicit.
    rbac_roles         text[]      NOT NULL DEFAULT '{}',
    login_type         login_type  NOT NULL DEFAULT 'password',
    avatar_url         text        NOT NULL DEFAULT '',
    deleted            boolean     NOT NULL DEFAULT false,
    -- Go's zero time means "never seen", and is what the API shows for such users.
    last_seen_at       timestamptz NOT NULL DEFAULT '0001-01-01 00:00:00+00',
    github_com_user_id bigint,
    -- System users (e.g. "prebuilds") exist for the platform's own work: never listed or counted.
    is_system          boolean     NOT NULL DEFAULT false,
    is_service_account boolean     NOT NULL DEFAULT false,
    CONSTRAINT users_service_account_has_no_email
        CHECK (is_system OR is_service_account = (email = '')),
    CONSTRAINT users_service_account_login_type_none
        CHECK (NOT is_service_account OR login_type = 'none')
);

CREATE UNIQUE INDEX users_username_lower_idx ON users (lower(username)) WHERE NOT deleted;
CREATE UNIQUE INDEX users_email_lower_idx ON users (lower(email)) WHERE NOT deleted AND email <> '';

COMMENT ON COLUMN users.last_seen_at IS 'Last authenticated request (refreshed at most hourly); 0001-01-01 = never.';
COMMENT ON COLUMN users.rbac_roles IS 'Site roles; the implicit member role is not stored.';
