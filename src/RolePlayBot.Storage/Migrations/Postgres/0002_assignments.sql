-- A trainer's assignment: practise this persona until a session ends resolved with an overall score of at least
-- pass_mark, by due_at. Progress is not stored: it is read from the trainee's sessions of the persona started after
-- created_at. Rows assigned together (one form) share batch_id. Cancelled rows stay, with cancelled_at set.
CREATE TABLE assignments (
    id text PRIMARY KEY,
    batch_id text NOT NULL,
    trainee_id text NOT NULL,
    trainee_name text NOT NULL,
    persona_id text NOT NULL,
    persona_locale text,
    pass_mark integer NOT NULL CHECK (pass_mark BETWEEN 0 AND 100),
    due_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    cancelled_at timestamptz
);
CREATE INDEX assignments_trainee ON assignments (trainee_id, due_at);
CREATE INDEX assignments_batch ON assignments (batch_id);
