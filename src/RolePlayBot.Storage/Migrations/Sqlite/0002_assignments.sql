-- A trainer's assignment: practise this persona until a session ends resolved with an overall score of at least
-- pass_mark, by due_at. Progress is not stored: it is read from the trainee's sessions of the persona started after
-- created_at. Rows assigned together (one form) share batch_id. Cancelled rows stay, with cancelled_at set.
CREATE TABLE assignments (
    id TEXT PRIMARY KEY,
    batch_id TEXT NOT NULL,
    trainee_id TEXT NOT NULL,
    trainee_name TEXT NOT NULL,
    persona_id TEXT NOT NULL,
    persona_locale TEXT,
    pass_mark INTEGER NOT NULL CHECK (pass_mark BETWEEN 0 AND 100),
    due_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    cancelled_at TEXT
);
CREATE INDEX assignments_trainee ON assignments (trainee_id, due_at);
CREATE INDEX assignments_batch ON assignments (batch_id);
