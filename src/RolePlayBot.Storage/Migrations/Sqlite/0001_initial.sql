-- Timestamps are UTC ISO-8601 text with seven fraction digits ("2026-11-22T07:50:25.1234567Z"): fixed width, so
-- they sort and compare as text, and round-trip a DateTimeOffset exactly. JSON columns are opaque text.
CREATE TABLE conversations (
    conversation_key TEXT PRIMARY KEY,
    state_json TEXT NOT NULL,
    version INTEGER NOT NULL,
    running INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX conversations_running ON conversations (conversation_key) WHERE running;

CREATE TABLE processed_activities (
    conversation_key TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    processed_at TEXT NOT NULL,
    PRIMARY KEY (conversation_key, activity_id)
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    conversation_key TEXT NOT NULL,
    trainee_id TEXT NOT NULL,
    trainee_name TEXT NOT NULL,
    persona_id TEXT NOT NULL,
    persona_locale TEXT NOT NULL,
    persona_version TEXT NOT NULL,
    engine TEXT NOT NULL,
    mode TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    outcome TEXT NOT NULL,
    turn_count INTEGER NOT NULL,
    speed INTEGER,
    detail INTEGER,
    emotion INTEGER,
    overall INTEGER,
    scorecard_json TEXT
);
CREATE INDEX sessions_trainee ON sessions (trainee_id, started_at);
CREATE INDEX sessions_persona ON sessions (persona_id, started_at);
CREATE INDEX sessions_started ON sessions (started_at);

CREATE TABLE turns (
    session_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    customer_text TEXT NOT NULL,
    trainee_text TEXT NOT NULL,
    customer_at TEXT NOT NULL,
    replied_at TEXT NOT NULL,
    reply_seconds REAL NOT NULL,
    anger_before INTEGER NOT NULL,
    patience_before INTEGER NOT NULL,
    anger_after INTEGER NOT NULL,
    patience_after INTEGER NOT NULL,
    observations_json TEXT NOT NULL,
    speed INTEGER NOT NULL,
    detail INTEGER NOT NULL,
    emotion INTEGER NOT NULL,
    critique TEXT NOT NULL,
    suggested_reply TEXT,
    customer_reply TEXT,
    customer_source TEXT,
    PRIMARY KEY (session_id, idx)
);

-- AUTOINCREMENT: an id handed to a sender is never reused, even after rows are deleted.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_key TEXT NOT NULL,
    reference_json TEXT NOT NULL,
    activity_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT
);
CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;
