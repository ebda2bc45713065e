-- One row per index per sampling slot. The slot (the interval-aligned instant the sample stands for) is
-- part of the key, so a second collector, or a retry, can never store a slot twice.
CREATE TABLE index_price (
    ticker      text        NOT NULL,
    ts          timestamptz NOT NULL,
    price       numeric     NOT NULL,
    -- Deribit's own clock when it answered (usOut), kept for diagnosing late or skewed samples
    observed_at timestamptz,
    -- how the price reached us: 'ws' (the WebSocket) or 'http' (the fallback)
    source      text        NOT NULL DEFAULT 'ws',
    inserted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (ticker, ts)
);
