-- Owners' prices: a model's price list set through PUT /api/v2/ai-model-prices/{provider}/{model}, also for
-- models the seed does not know (self-hosted or negotiated prices). While a row exists it is the model's price
-- and the seed's (in ai_model_prices, which the seed keeps writing) is not used; deleting the row returns the
-- model to the seed's price. The seed never writes this table. Every change is also in ai_model_price_history.
CREATE TABLE ai_model_price_overrides (
    provider          text        NOT NULL CHECK (provider <> ''),
    model             text        NOT NULL CHECK (model <> ''),
    input_price       bigint      CHECK (input_price >= 0),
    output_price      bigint      CHECK (output_price >= 0),
    cache_read_price  bigint      CHECK (cache_read_price >= 0),
    cache_write_price bigint      CHECK (cache_write_price >= 0),
    tiers             jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(tiers) = 'array'),
    modes             jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(modes) = 'object'),
    -- No foreign key: the price stays when the owner who set it leaves.
    set_by            uuid        NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (provider, model)
);

COMMENT ON TABLE ai_model_price_overrides IS
    'Owners'' prices, which win over the seed''s. Prices: bigint micro-USD per 1 000 000 tokens; NULL = unknown, 0 = free.';
COMMENT ON COLUMN ai_model_price_overrides.tiers IS
    'Prices above an input size: [{above_input_tokens, input_price, output_price, cache_read_price, cache_write_price}], ascending.';
COMMENT ON COLUMN ai_model_price_overrides.modes IS
    'Named modes (e.g. fast): {name: {input_price, output_price, cache_read_price, cache_write_price, tiers?}}.';
COMMENT ON COLUMN ai_model_price_overrides.set_by IS 'The user (users.id) who last set the price.';
COMMENT ON COLUMN ai_model_price_overrides.created_at IS 'When an owner first set a price for the model (since it was last cleared).';
COMMENT ON COLUMN ai_model_price_overrides.updated_at IS 'When the owner''s price last changed.';
