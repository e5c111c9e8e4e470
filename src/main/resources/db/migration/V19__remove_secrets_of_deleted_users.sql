-- Soft-deleting a user also removes its secrets (as its keys and links already are, see V11): a
-- username freed by a deletion must not hand the old account's secrets to the next user of the name.
CREATE OR REPLACE FUNCTION delete_deleted_user_resources() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.deleted AND NOT OLD.deleted THEN
        DELETE FROM api_keys WHERE user_id = NEW.id;
        DELETE FROM user_links WHERE user_id = NEW.id;
        DELETE FROM user_secrets WHERE user_id = NEW.id;
    END IF;
    RETURN NEW;
END;
$$;
