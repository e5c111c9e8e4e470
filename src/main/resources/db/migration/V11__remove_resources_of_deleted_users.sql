-- Soft-deleting a user removes its API keys and external links in the same transaction, so its
-- sessions stop working at once; and no API key can be created for a deleted user. Done by triggers
-- (as Coder does) so that no code path can forget it.
CREATE FUNCTION delete_deleted_user_resources() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.deleted AND NOT OLD.deleted THEN
        DELETE FROM api_keys WHERE user_id = NEW.id;
        DELETE FROM user_links WHERE user_id = NEW.id;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trigger_delete_deleted_user_resources
    AFTER UPDATE OF deleted ON users
    FOR EACH ROW
EXECUTE FUNCTION delete_deleted_user_resources();

CREATE FUNCTION insert_apikey_fail_if_user_deleted() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF EXISTS (SELECT 1 FROM users WHERE id = NEW.user_id AND deleted) THEN
        RAISE EXCEPTION 'Cannot create API key for deleted user' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trigger_insert_apikey_fail_if_user_deleted
    BEFORE INSERT ON api_keys
    FOR EACH ROW
EXECUTE FUNCTION insert_apikey_fail_if_user_deleted();
