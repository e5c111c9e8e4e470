-- Indexes for the user search of GET /users at 100 000+ users (Coder's GetUsers, dev.coderusers.user.UserDirectory;
-- plans in bench/README.md). Every listed user is neither deleted nor a system user, so every index is partial on
-- that: the search's WHERE clause always implies it, and the rows it can never return stay out.

-- The order of the list, lower(username), which is unique among users that are not deleted. id and username are
-- included so that picking a page (however deep the offset) and counting all users are index-only scans; the
-- planner wants every column an expression reads (username for lower(username)) in the index for that.
CREATE INDEX users_listed_username_idx ON users (lower(username)) INCLUDE (id, username)
    WHERE NOT deleted AND NOT is_system;

-- The filters of the query language: status and login_type (and their counts, index-only), roles (&&),
-- last_seen_before/after, created_before/after, github_com_user_id.
CREATE INDEX users_listed_status_login_type_idx ON users (status, login_type) WHERE NOT deleted AND NOT is_system;
CREATE INDEX users_listed_rbac_roles_idx ON users USING gin (rbac_roles) WHERE NOT deleted AND NOT is_system;
CREATE INDEX users_listed_last_seen_at_idx ON users (last_seen_at) WHERE NOT deleted AND NOT is_system;
CREATE INDEX users_listed_created_at_idx ON users (created_at) WHERE NOT deleted AND NOT is_system;
CREATE INDEX users_github_com_user_id_idx ON users (github_com_user_id) WHERE github_com_user_id IS NOT NULL;

-- Free text (email or username) and name:, as ILIKE '%term%': trigram indexes. pg_trgm ships with PostgreSQL
-- (Debian's server package, the embedded server of the tests) and is a trusted extension since PostgreSQL 13, so
-- the database owner may create it without being a superuser. Its operator class is named with the schema the
-- extension lives in, which need not be on the search path of a schema-scoped migration.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

DO
$$
    DECLARE
        trgm text := (SELECT n.nspname
                      FROM pg_extension e
                               JOIN pg_namespace n ON n.oid = e.extnamespace
                      WHERE e.extname = 'pg_trgm');
    BEGIN
        EXECUTE format('CREATE INDEX users_listed_email_trgm_idx ON users USING gin (email %I.gin_trgm_ops)'
                           || ' WHERE NOT deleted AND NOT is_system', trgm);
        EXECUTE format('CREATE INDEX users_listed_username_trgm_idx ON users USING gin (username %I.gin_trgm_ops)'
                           || ' WHERE NOT deleted AND NOT is_system', trgm);
        EXECUTE format('CREATE INDEX users_listed_name_trgm_idx ON users USING gin (name %I.gin_trgm_ops)'
                           || ' WHERE NOT deleted AND NOT is_system', trgm);
    END
$$;
