-- Coder's system user for prebuilt workspaces. It is never listed or counted, cannot log in, and its
-- username stays taken (creating a user named "prebuilds" answers 409), as in Coder.
INSERT INTO users (id, email, username, name, hashed_password, status, rbac_roles, login_type, is_system)
VALUES ('c42fdf75-3097-471c-8c33-fb52454d81c0', 'prebuilds@system', 'prebuilds', 'Prebuilds', '', 'active', '{}',
        'none', true);
