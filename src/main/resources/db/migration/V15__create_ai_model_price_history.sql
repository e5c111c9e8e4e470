-- Every change of a model's prices, kept: by the seed (one row per model whose price list the applied seed
-- changed, in the seed's own transaction) and by an owner (setting or clearing the owner's price of a model,
-- in that request's transaction). Rows are only ever inserted. The cost of usage at a time is computed from
-- this table: the owner's price in force at that time if there is one, else the seed's.
CREATE TABLE ai_model_price_history (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider          text        NOT NULL,
    model             text        NOT NULL,
    source            text        NOT NULL CHECK (source IN ('seed', 'owner')),
    -- The seed file that made the change (NULL only for rows recorded by this migration, see below).
    seed_checksum     text        CHECK (seed_checksum ~ '^[0-9a-f]{64}$'),
    -- The owner who made the change. No foreign key: the record outlives the user.
    changed_by        uuid,
    -- An owner cleared their price: the seed's price (if any) is in force again.
    cleared           boolean     NOT NULL DEFAULT false,
    effective_at      timestamptz NOT NULL,
    input_price       bigint      CHECK (input_price >= 0),
    output_price      bigint      CHECK (output_price >= 0),
    cache_read_price  bigint      CHECK (cache_read_price >= 0),
    cache_write_price bigint      CHECK (cache_write_price >= 0),
    tiers             jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(tiers) = 'array'),
    modes             jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(modes) = 'object'),
    CHECK ((source = 'seed' AND changed_by IS NULL AND NOT cleared)
        OR (source = 'owner' AND changed_by IS NOT NULL AND seed_checksum IS NULL)),
    CHECK (NOT cleared OR (input_price IS NULL AND output_price IS NULL AND cache_read_price IS NULL
        AND cache_write_price IS NULL AND tiers = '[]' AND modes = '{}'))
);

-- The seeder's "last seed price of each model" and the cost's "every change of these models" read by model.
CREATE INDEX ai_model_price_history_model_idx ON ai_model_price_history (provider, model, effective_at, id);

COMMENT ON TABLE ai_model_price_history IS
    'Every change of a model''s prices by the seed or an owner, append-only. Prices: bigint micro-USD per 1 000 000 tokens; NULL = unknown, 0 = free.';
COMMENT ON COLUMN ai_model_price_history.source IS
    'seed: the price list of the seed file (ai_model_prices holds its base prices); owner: an owner''s price, which wins over the seed''s while set.';
COMMENT ON COLUMN ai_model_price_history.seed_checksum IS 'SHA-256 of the seed file that made the change (ai_model_price_seeds).';
COMMENT ON COLUMN ai_model_price_history.changed_by IS 'The user (users.id) who set or cleared the owner''s price.';
COMMENT ON COLUMN ai_model_price_history.cleared IS 'The owner''s price was cleared; the seed''s price applies again.';
COMMENT ON COLUMN ai_model_price_history.effective_at IS 'When the change took effect (the time of the transaction that made it).';
COMMENT ON COLUMN ai_model_price_history.tiers IS
    'Prices above an input size: [{above_input_tokens, input_price, output_price, cache_read_price, cache_write_price}], ascending.';
COMMENT ON COLUMN ai_model_price_history.modes IS
    'Named modes (e.g. fast): {name: {input_price, output_price, cache_read_price, cache_write_price, tiers?}}.';

-- The price book as it stands becomes the first record of each model: in force since its updated_at (when
-- its price last changed), from a seed that is not known any more. Earlier prices were not kept.
INSERT INTO ai_model_price_history
    (provider, model, source, effective_at, input_price, output_price, cache_read_price, cache_write_price)
SELECT provider, model, 'seed', updated_at, input_price, output_price, cache_read_price, cache_write_price
FROM ai_model_prices;
