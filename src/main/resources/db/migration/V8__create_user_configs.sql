-- Per-user settings as key/value pairs (theme_preference, terminal_font, preference_*).
CREATE TABLE user_configs (
    user_id uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key     varchar(256) NOT NULL,
    value   text         NOT NULL,
    PRIMARY KEY (user_id, key)
);
