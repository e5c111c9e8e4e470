-- One git SSH key pair per user, generated with the user and replaced on regeneration. The private
-- key never leaves the database through this API.
CREATE TABLE gitsshkeys (
    user_id     uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    private_key text        NOT NULL,
    public_key  text        NOT NULL
);
