-- Rate limit buckets shared by every bot instance on this database, so a trainee's allowance is the same whichever
-- instance a message reaches. One row per user or conversation that sent lately; tokens, refilled and quiet_until are
-- null until the first message is counted (a row inserted only to be locked). forget_after is when the bucket is full
-- again and its notice pause over: past it the row says nothing a missing one would not, and the pruner deletes it.
-- No secondary index: every message rewrites its rows, and without one those updates stay heap-only (HOT).
CREATE TABLE rate_buckets (
    key text PRIMARY KEY,
    tokens double precision,
    refilled timestamptz,
    quiet_until timestamptz,
    forget_after timestamptz NOT NULL
);
