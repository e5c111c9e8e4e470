-- The AI model price book: one row per (provider, model), seeded at every start from the
-- embedded seed/ai-model-prices.json. Rows that leave the seed are kept (history of models that
-- were once priced), so the seeder only inserts and updates.
CREATE TABLE ai_model_prices (
    provider          text        NOT NULL,
    model             text        NOT NULL,
    input_price       bigint      CHECK (input_price >= 0),
    output_price      bigint      CHECK (output_price >= 0),
    cache_read_price  bigint      CHECK (cache_read_price >= 0),
    cache_write_price bigint      CHECK (cache_write_price >= 0),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, model)
);

COMMENT ON TABLE ai_model_prices IS
    'AI model price book. Prices are bigint micro-USD per 1 000 000 tokens ($3.00/MTok = 3000000); NULL = unknown, 0 = free.';
COMMENT ON COLUMN ai_model_prices.provider IS 'Provider id as in models.dev (anthropic, openai, ...).';
COMMENT ON COLUMN ai_model_prices.model IS 'Upstream model id as-is; may contain "/", "." and ":".';
COMMENT ON COLUMN ai_model_prices.input_price IS
    'Input tokens, micro-USD per 1 000 000 tokens ($3.00/MTok = 3000000). NULL = unknown, 0 = free.';
COMMENT ON COLUMN ai_model_prices.output_price IS
    'Output tokens, micro-USD per 1 000 000 tokens ($15.00/MTok = 15000000). NULL = unknown, 0 = free.';
COMMENT ON COLUMN ai_model_prices.cache_read_price IS
    'Cached input tokens read, micro-USD per 1 000 000 tokens. NULL = unknown, 0 = free.';
COMMENT ON COLUMN ai_model_prices.cache_write_price IS
    'Input tokens written to the prompt cache, micro-USD per 1 000 000 tokens. NULL = unknown, 0 = free.';
COMMENT ON COLUMN ai_model_prices.created_at IS 'When the row was first seeded.';
COMMENT ON COLUMN ai_model_prices.updated_at IS
    'When a price of the row last changed (an unchanged re-seed does not touch it).';
