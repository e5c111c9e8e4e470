-- The periodic purge of expired API keys (dev.coderusers.apikey.ExpiredApiKeyPurge) finds them by
-- expiry: every sign-in adds a key, so without this index each purge would read the whole table.
CREATE INDEX api_keys_expires_at_idx ON api_keys (expires_at);
