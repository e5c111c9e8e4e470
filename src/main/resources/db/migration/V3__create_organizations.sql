-- Organizations. This service reads them (users are members of organizations); it does not manage
-- them. The built-in default organization every deployment has is created here, as Coder's
-- migrations do.
CREATE TABLE organizations (
    id           uuid        PRIMARY KEY,
    name         text        NOT NULL CHECK (length(name) >= 1),
    display_name text        NOT NULL,
    description  text        NOT NULL DEFAULT '',
    icon         text        NOT NULL DEFAULT '',
    is_default   boolean     NOT NULL DEFAULT false,
    deleted      boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX organizations_name_lower_idx ON organizations (lower(name)) WHERE NOT deleted;
-- At most one default organization.
CREATE UNIQUE INDEX organizations_single_default_idx ON organizations (is_default) WHERE is_default;

INSERT INTO organizations (id, name, display_name, description, icon, is_default)
VALUES (gen_random_uuid(), 'coder', 'Coder', 'Builtin default organization.', '', true);
