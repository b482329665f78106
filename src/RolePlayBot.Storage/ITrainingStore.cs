namespace RolePlayBot.Storage;

/// <summary>
/// Everything the bot keeps: per-conversation state (opaque JSON with an optimistic version), the practice sessions
/// and their turns (for trainers and the trainee's own progress), the activities already handled (so a redelivered or
/// doubly received message makes one turn), and an outbox of replies committed with the turn and sent after it.
/// One contract, two implementations: SQLite (default, one file) and PostgreSQL (several bot instances).
/// Implementations are thread-safe and create or migrate their schema in <see cref="MigrateAsync"/>.
/// </summary>
public interface ITrainingStore
{
    /// <summary>Creates the schema on first run and applies pending migrations; safe to call from several instances at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>The conversation's stored state and version, or null when the conversation is new.</summary>
    Task<StoredConversation?> FindConversationAsync(string conversationKey, CancellationToken cancellationToken = default);

    /// <summary>True when this activity of this conversation was already handled (committed).</summary>
    Task<bool> IsProcessedAsync(string conversationKey, string activityId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="FindConversationAsync"/> and <see cref="IsProcessedAsync"/> for the start of a turn, in one read
    /// where the store can (one round trip instead of two). A null <paramref name="activityId"/> is never handled.
    /// </summary>
    async Task<ConversationForTurn> FindForTurnAsync(string conversationKey, string? activityId, CancellationToken cancellationToken = default)
    {
        var handled = activityId is not null && await IsProcessedAsync(conversationKey, activityId, cancellationToken);
        return new(await FindConversationAsync(conversationKey, cancellationToken), handled);
    }

    /// <summary>
    /// <see cref="FindForTurnAsync(string, string?, CancellationToken)"/> for a caller that already holds the state at
    /// version <paramref name="knownVersion"/>: when that is still the stored version, the state is not read again and
    /// <see cref="ConversationForTurn.Unchanged"/> says so; otherwise the whole conversation comes back as usual.
    /// </summary>
    async Task<ConversationForTurn> FindForTurnAsync(string conversationKey, string? activityId, long knownVersion, CancellationToken cancellationToken = default)
    {
        var read = await FindForTurnAsync(conversationKey, activityId, cancellationToken);
        return read.Conversation is { } stored && stored.Version == knownVersion ? read with { Conversation = null, Unchanged = knownVersion } : read;
    }

    /// <summary>
    /// Commits one turn atomically: the new conversation state (only if the stored version still equals
    /// <see cref="ConversationCommit.ExpectedVersion"/>, 0 for a new conversation), the handled activity id (unique per
    /// conversation), the session upsert, the new turn records and the outbox. Returns the new version.
    /// Throws <see cref="ConcurrencyConflictException"/> when another writer got there first and
    /// <see cref="DuplicateActivityException"/> when the activity was already handled; nothing is written then.
    /// </summary>
    Task<long> CommitAsync(ConversationCommit commit, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="CommitAsync"/>, also telling the ids of the outbox rows written, so the turn sends and marks its own
    /// replies without reading the whole pending outbox back. Stores that cannot tell return null ids.
    /// </summary>
    async Task<CommittedTurn> CommitTurnAsync(ConversationCommit commit, CancellationToken cancellationToken = default) =>
        new(await CommitAsync(commit, cancellationToken), null);

    /// <summary>Outbox items not yet marked sent, oldest first (after a crash between commit and send).</summary>
    Task<IReadOnlyList<OutboxItem>> PendingOutboxAsync(int max, CancellationToken cancellationToken = default);

    Task MarkSentAsync(long outboxId, CancellationToken cancellationToken = default);

    /// <summary>Marks several outbox items sent at once (one write instead of one per reply).</summary>
    async Task MarkSentAsync(IReadOnlyCollection<long> outboxIds, CancellationToken cancellationToken = default)
    {
        foreach (var id in outboxIds)
        {
            await MarkSentAsync(id, cancellationToken);
        }
    }

    /// <summary>
    /// Deletes what is kept only for a while: outbox rows created before <paramref name="olderThan"/> and already sent,
    /// and handled activity ids recorded before it (a channel's redelivery comes within minutes; an id pruned after
    /// that can no longer be redelivered). Works in small deletes, so turns committing meanwhile are barely held up.
    /// Sessions, turns and conversations are never pruned.
    /// </summary>
    Task<PrunedRows> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default);

    /// <summary>
    /// The conversations whose state says a session is running (the chaser's work list), ordered by key, each with
    /// the version of its stored state: a caller holding that version decoded need not read the state again.
    /// </summary>
    Task<IReadOnlyList<RunningConversation>> RunningConversationsAsync(CancellationToken cancellationToken = default);

    // The read side, for the dashboard and "my progress".

    Task<IReadOnlyList<TraineeSummary>> TraineesAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SessionRecord>> SessionsAsync(SessionQuery query, CancellationToken cancellationToken = default);

    Task<SessionRecord?> SessionAsync(string sessionId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TurnRecord>> TurnsAsync(string sessionId, CancellationToken cancellationToken = default);

    // Assignments: a trainer's "practise this persona by then, to this mark".

    /// <summary>Stores the assignments together (all or none). Throws <see cref="ArgumentException"/> for a pass mark outside 0–100.</summary>
    Task CreateAssignmentsAsync(IReadOnlyList<AssignmentRecord> assignments, CancellationToken cancellationToken = default);

    /// <summary>Assignments with their progress, derived from the sessions; by due date, then trainee and persona.</summary>
    Task<IReadOnlyList<AssignmentProgress>> AssignmentsAsync(AssignmentQuery query, CancellationToken cancellationToken = default);

    /// <summary>Marks the assignment cancelled; false when there is none or it already was.</summary>
    Task<bool> CancelAssignmentAsync(string assignmentId, CancellationToken cancellationToken = default);

    // What several instances on one database share besides conversations.

    /// <summary>The ASP.NET Core Data Protection key ring's elements, in the order they were stored.</summary>
    Task<IReadOnlyList<DataProtectionKeyRecord>> DataProtectionKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds one element to the key ring (elements are never changed or removed; Data Protection revokes by adding).</summary>
    Task StoreDataProtectionKeyAsync(string name, string xml, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uses up a one-time value (a sign-in link's nonce): true the first time, false once it was used, across every
    /// instance on this database. The value is remembered until <paramref name="expiresAt"/>; after that it may be used
    /// again, and expired values are deleted now and then.
    /// </summary>
    Task<bool> TryUseOnceAsync(string nonce, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>True when the value was used and has not yet expired (a check that does not use it up).</summary>
    Task<bool> IsUsedAsync(string nonce, CancellationToken cancellationToken = default);
}
