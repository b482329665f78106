namespace RolePlayBot.Storage;

/// <summary>A conversation's state as stored: opaque JSON and its optimistic-concurrency version (1 after the first commit).</summary>
public sealed record StoredConversation(string Key, string StateJson, long Version, bool Running, DateTimeOffset UpdatedAt);

/// <summary>A conversation with a session running, and the version of its stored state.</summary>
public sealed record RunningConversation(string Key, long Version);

/// <summary>One turn's writes, committed together or not at all.</summary>
/// <param name="ConversationKey">The conversation (channel + conversation id).</param>
/// <param name="ExpectedVersion">The version read before the turn; 0 when the conversation was new.</param>
/// <param name="StateJson">The conversation's new state.</param>
/// <param name="Running">Whether a session is running after this turn (see <see cref="ITrainingStore.RunningConversationsAsync"/>).</param>
/// <param name="ActivityId">The inbound activity handled, or null for work without one (a chaser tick).</param>
/// <param name="Session">The session to insert or update, when the turn touched one.</param>
/// <param name="NewTurns">Turn records to insert (a turn is never rewritten).</param>
/// <param name="Outbox">Replies to send once committed, in order.</param>
public sealed record ConversationCommit(
    string ConversationKey,
    long ExpectedVersion,
    string StateJson,
    bool Running,
    string? ActivityId,
    SessionRecord? Session,
    IReadOnlyList<TurnRecord> NewTurns,
    IReadOnlyList<OutboxDraft> Outbox,
    DateTimeOffset At);

/// <summary>A reply to send after the commit: the conversation reference and the activity, both JSON.</summary>
public sealed record OutboxDraft(string ReferenceJson, string ActivityJson);

public sealed record OutboxItem(long Id, string ConversationKey, string ReferenceJson, string ActivityJson, DateTimeOffset CreatedAt);

/// <summary>
/// One practice session as trainers see it. Scores are null until the session ends; <see cref="PersonaVersion"/>
/// is the SHA-256 of the persona file the session used.
/// </summary>
public sealed record SessionRecord(
    string Id,
    string ConversationKey,
    string TraineeId,
    string TraineeName,
    string PersonaId,
    string PersonaLocale,
    string PersonaVersion,
    string Engine,
    string Mode,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string Outcome,
    int TurnCount,
    int? Speed,
    int? Detail,
    int? Emotion,
    int? Overall,
    string? ScorecardJson);

/// <summary>One recorded turn: texts, channel timestamps, the measured reply time, the mood before and after, every observation.</summary>
/// <param name="ObservationsJson">The evaluator's observations: [{id, observed, evidence, source}] for every checklist item.</param>
public sealed record TurnRecord(
    string SessionId,
    int Index,
    string CustomerText,
    string TraineeText,
    DateTimeOffset CustomerAt,
    DateTimeOffset RepliedAt,
    double ReplySeconds,
    int AngerBefore,
    int PatienceBefore,
    int AngerAfter,
    int PatienceAfter,
    string ObservationsJson,
    int Speed,
    int Detail,
    int Emotion,
    string Critique,
    string? SuggestedReply,
    string? CustomerReply,
    string? CustomerSource,
    // Who judged the reply: "model", "rules" (the offline engine) or "fallback" (the model gave no usable verdict, so the
    // rules alone judged); null for turns stored before it was recorded.
    string? JudgeSource = null);

public sealed record TraineeSummary(string TraineeId, string Name, int Sessions, DateTimeOffset LastPractisedAt);

/// <summary>
/// Filters for <see cref="ITrainingStore.SessionsAsync"/>; null means any. The range is on the start time, From
/// inclusive and To exclusive, so consecutive ranges never count a session twice.
/// </summary>
public sealed record SessionQuery(
    string? TraineeId = null,
    string? PersonaId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = 500);

/// <summary>One element of the ASP.NET Core Data Protection key ring, as <c>IXmlRepository</c> stores it.</summary>
public sealed record DataProtectionKeyRecord(string Name, string Xml);
