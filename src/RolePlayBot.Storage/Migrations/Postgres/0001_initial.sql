-- JSON columns are text, not jsonb: the state and activities are opaque to the store and must come back byte for byte.
CREATE TABLE conversations (
    conversation_key text PRIMARY KEY,
    state_json text NOT NULL,
    version bigint NOT NULL,
    running boolean NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX conversations_running ON conversations (conversation_key) WHERE running;

CREATE TABLE processed_activities (
    conversation_key text NOT NULL,
    activity_id text NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (conversation_key, activity_id)
);

CREATE TABLE sessions (
    id text PRIMARY KEY,
    conversation_key text NOT NULL,
    trainee_id text NOT NULL,
    trainee_name text NOT NULL,
    persona_id text NOT NULL,
    persona_locale text NOT NULL,
    persona_version text NOT NULL,
    engine text NOT NULL,
    mode text NOT NULL,
    started_at timestamptz NOT NULL,
    ended_at timestamptz,
    outcome text NOT NULL,
    turn_count integer NOT NULL,
    speed integer,
    detail integer,
    emotion integer,
    overall integer,
    scorecard_json text
);
CREATE INDEX sessions_trainee ON sessions (trainee_id, started_at);
CREATE INDEX sessions_persona ON sessions (persona_id, started_at);
CREATE INDEX sessions_started ON sessions (started_at);

CREATE TABLE turns (
    session_id text NOT NULL,
    idx integer NOT NULL,
    customer_text text NOT NULL,
    trainee_text text NOT NULL,
    customer_at timestamptz NOT NULL,
    replied_at timestamptz NOT NULL,
    reply_seconds double precision NOT NULL,
    anger_before integer NOT NULL,
    patience_before integer NOT NULL,
    anger_after integer NOT NULL,
    patience_after integer NOT NULL,
    observations_json text NOT NULL,
    speed integer NOT NULL,
    detail integer NOT NULL,
    emotion integer NOT NULL,
    critique text NOT NULL,
    suggested_reply text,
    customer_reply text,
    customer_source text,
    PRIMARY KEY (session_id, idx)
);

CREATE TABLE outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_key text NOT NULL,
    reference_json text NOT NULL,
    activity_json text NOT NULL,
    created_at timestamptz NOT NULL,
    sent_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;
