namespace RolePlayBot.Storage.Ado;

/// <summary>
/// The statements both providers run unchanged: SQLite and PostgreSQL agree on <c>@name</c> parameters,
/// <c>ON CONFLICT … DO UPDATE</c> and <c>LIMIT</c>. The schema, which differs, is in each provider's migrations.
/// </summary>
internal static class StoreSql
{
    public const string FindConversation = """
        SELECT conversation_key, state_json, version, running, updated_at
        FROM conversations WHERE conversation_key = @key
        """;

    // One row always (the conversation's columns null when it is new), with the handled flag beside it.
    /// <summary>@known: the version the caller holds (-1: none); the state is not read when it is still the stored one.</summary>
    public const string FindForTurn = """
        SELECT c.conversation_key, CASE WHEN c.version = @known THEN NULL ELSE c.state_json END, c.version, c.running, c.updated_at,
            EXISTS (SELECT 1 FROM processed_activities p WHERE p.conversation_key = @key AND p.activity_id = @activity)
        FROM (SELECT 1 AS one) AS o LEFT JOIN conversations c ON c.conversation_key = @key
        """;

    public const string IsProcessed = """
        SELECT 1 FROM processed_activities WHERE conversation_key = @key AND activity_id = @activity
        """;

    public const string ClaimActivity = """
        INSERT INTO processed_activities (conversation_key, activity_id, processed_at) VALUES (@key, @activity, @at)
        """;

    public const string InsertConversation = """
        INSERT INTO conversations (conversation_key, state_json, version, running, updated_at)
        VALUES (@key, @state, 1, @running, @at)
        """;

    public const string UpdateConversation = """
        UPDATE conversations SET state_json = @state, version = version + 1, running = @running, updated_at = @at
        WHERE conversation_key = @key AND version = @expected
        """;

    // SQLite: the same without running, whose partial index would be rewritten on every turn though the flag changes
    // only when a session starts or ends; SetRunning then changes it only when it differs.
    public const string UpdateConversationState = """
        UPDATE conversations SET state_json = @state, version = version + 1, updated_at = @at
        WHERE conversation_key = @key AND version = @expected
        """;

    public const string SetRunning = "UPDATE conversations SET running = @running WHERE conversation_key = @key AND running <> @running";

    // The conflict leaves trainee_id, persona_id and started_at, a session's identity, as the insert wrote them (they
    // never change for an id): SQLite rewrites the entries of every index whose column is in the SET list, changed or
    // not, so each turn's commit wrote a page of each of the three indexes on them for nothing.
    public const string UpsertSession = """
        INSERT INTO sessions (id, conversation_key, trainee_id, trainee_name, persona_id, persona_locale, persona_version,
            engine, mode, started_at, ended_at, outcome, turn_count, speed, detail, emotion, overall, scorecard_json)
        VALUES (@id, @key, @trainee, @trainee_name, @persona, @locale, @persona_version,
            @engine, @mode, @started, @ended, @outcome, @turn_count, @speed, @detail, @emotion, @overall, @scorecard)
        ON CONFLICT (id) DO UPDATE SET conversation_key = excluded.conversation_key,
            trainee_name = excluded.trainee_name, persona_locale = excluded.persona_locale,
            persona_version = excluded.persona_version, engine = excluded.engine, mode = excluded.mode,
            ended_at = excluded.ended_at, outcome = excluded.outcome,
            turn_count = excluded.turn_count, speed = excluded.speed, detail = excluded.detail, emotion = excluded.emotion,
            overall = excluded.overall, scorecard_json = excluded.scorecard_json
        """;

    public const string InsertTurn = """
        INSERT INTO turns (session_id, idx, customer_text, trainee_text, customer_at, replied_at, reply_seconds,
            anger_before, patience_before, anger_after, patience_after, observations_json, speed, detail, emotion,
            critique, suggested_reply, customer_reply, customer_source, judge_source)
        VALUES (@session, @idx, @customer_text, @trainee_text, @customer_at, @replied_at, @reply_seconds,
            @anger_before, @patience_before, @anger_after, @patience_after, @observations, @speed, @detail, @emotion,
            @critique, @suggested, @customer_reply, @customer_source, @judge_source)
        """;

    public const string InsertOutbox = """
        INSERT INTO outbox (conversation_key, reference_json, activity_json, created_at) VALUES (@key, @reference, @activity, @at)
        RETURNING id
        """;

    public const string PendingOutbox = """
        SELECT id, conversation_key, reference_json, activity_json, created_at
        FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT @max
        """;

    public const string MarkSent = "UPDATE outbox SET sent_at = @at WHERE id = @id AND sent_at IS NULL";

    // Oldest first, a chunk at a time, along the indexes of migration 0004; a reply not yet sent is never deleted.
    public const string PruneOutbox = """
        DELETE FROM outbox WHERE id IN (
            SELECT id FROM outbox WHERE created_at < @before AND sent_at IS NOT NULL ORDER BY created_at LIMIT @max)
        """;

    public const string PruneProcessed = """
        DELETE FROM processed_activities WHERE (conversation_key, activity_id) IN (
            SELECT conversation_key, activity_id FROM processed_activities WHERE processed_at < @before ORDER BY processed_at LIMIT @max)
        """;

    public const string RunningConversations = "SELECT conversation_key, version FROM conversations WHERE running ORDER BY conversation_key";

    // The name is the one of the trainee's latest session, so a renamed trainee shows the current name.
    public const string Trainees = """
        SELECT s.trainee_id,
            (SELECT l.trainee_name FROM sessions l WHERE l.trainee_id = s.trainee_id ORDER BY l.started_at DESC, l.id DESC LIMIT 1),
            COUNT(*), MAX(s.started_at)
        FROM sessions s GROUP BY s.trainee_id ORDER BY MAX(s.started_at) DESC, s.trainee_id
        """;

    public const string SessionColumns = """
        id, conversation_key, trainee_id, trainee_name, persona_id, persona_locale, persona_version, engine, mode,
        started_at, ended_at, outcome, turn_count, speed, detail, emotion, overall, scorecard_json
        """;

    public const string Session = $"SELECT {SessionColumns} FROM sessions WHERE id = @id";

    public const string Turns = """
        SELECT session_id, idx, customer_text, trainee_text, customer_at, replied_at, reply_seconds,
            anger_before, patience_before, anger_after, patience_after, observations_json, speed, detail, emotion,
            critique, suggested_reply, customer_reply, customer_source, judge_source
        FROM turns WHERE session_id = @session ORDER BY idx
        """;

    public const string AssignmentColumns = """
        id, batch_id, trainee_id, trainee_name, persona_id, persona_locale, pass_mark, due_at, created_at, created_by, cancelled_at
        """;

    public const string InsertAssignment = """
        INSERT INTO assignments (id, batch_id, trainee_id, trainee_name, persona_id, persona_locale, pass_mark, due_at,
            created_at, created_by, cancelled_at)
        VALUES (@id, @batch, @trainee, @trainee_name, @persona, @locale, @pass_mark, @due, @created, @created_by, @cancelled)
        """;

    public const string CancelAssignment = "UPDATE assignments SET cancelled_at = @at WHERE id = @id AND cancelled_at IS NULL";

    public const string DataProtectionKeys = "SELECT name, xml FROM data_protection_keys ORDER BY id";

    public const string StoreDataProtectionKey = "INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @at)";

    // A new nonce inserts; a used one conflicts and changes nothing (0 rows) unless its row has expired, which is then reused.
    public const string UseNonce = """
        INSERT INTO used_nonces (nonce, expires_at) VALUES (@nonce, @expires)
        ON CONFLICT (nonce) DO UPDATE SET expires_at = excluded.expires_at WHERE used_nonces.expires_at <= @now
        """;

    public const string IsNonceUsed = "SELECT 1 FROM used_nonces WHERE nonce = @nonce AND expires_at > @now";

    public const string DeleteExpiredNonces = "DELETE FROM used_nonces WHERE expires_at <= @now";
}
