-- Counters of the login rate limit (dev.coderusers.security.RateLimitWindows), shared by every replica on
-- this database so that N replicas still allow the limit once, not N times. One row per rate-limited
-- operation, subject (user id, else client address) and fixed window; the limit is a sliding window over
-- the current and the previous row. UNLOGGED: the counters are worth no WAL, and losing them in a crash
-- only resets the windows. Rows older than two windows are deleted periodically.
CREATE UNLOGGED TABLE rate_limit_windows (
    operation    text        NOT NULL,
    subject      text        NOT NULL,
    window_start timestamptz NOT NULL,
    hits         integer     NOT NULL CHECK (hits > 0),
    PRIMARY KEY (operation, subject, window_start)
);

CREATE INDEX rate_limit_windows_window_start_idx ON rate_limit_windows (window_start);
