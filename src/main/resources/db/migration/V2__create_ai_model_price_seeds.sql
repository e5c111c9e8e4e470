-- Which price seeds have been applied. At start the service compares the SHA-256 of its embedded
-- seed with the most recently applied one and skips the whole upsert when they are equal.
CREATE TABLE ai_model_price_seeds (
    checksum   text        PRIMARY KEY CHECK (checksum ~ '^[0-9a-f]{64}$'),
    row_count  integer     NOT NULL CHECK (row_count > 0),
    inserted   integer     NOT NULL CHECK (inserted >= 0),
    updated    integer     NOT NULL CHECK (updated >= 0),
    applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ai_model_price_seeds_applied_at_idx ON ai_model_price_seeds (applied_at DESC);

COMMENT ON TABLE ai_model_price_seeds IS 'Price seeds applied to ai_model_prices, newest applied_at = current.';
COMMENT ON COLUMN ai_model_price_seeds.checksum IS 'Lower-case hex SHA-256 of the seed file bytes.';
COMMENT ON COLUMN ai_model_price_seeds.row_count IS 'Rows in the seed.';
COMMENT ON COLUMN ai_model_price_seeds.inserted IS 'Rows the last application of this seed inserted.';
COMMENT ON COLUMN ai_model_price_seeds.updated IS 'Rows whose prices the last application of this seed changed.';
COMMENT ON COLUMN ai_model_price_seeds.applied_at IS 'When this seed was last applied.';
