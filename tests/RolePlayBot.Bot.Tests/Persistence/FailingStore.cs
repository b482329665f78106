using Microsoft.Extensions.DependencyInjection;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Tests.Persistence;

/// <summary>A real store whose next commit fails: before it reaches the database, or inside its transaction.</summary>
public sealed class FailingStore(ITrainingStore inner) : ITrainingStore
{
    public enum Failure
    {
        None,
        BeforeCommit,

        /// <summary>The commit's last write violates a key (its turn twice), after the others went into the transaction.</summary>
        InsideCommit,

        /// <summary>Another instance changed the conversation since the turn read it.</summary>
        Conflict,

        /// <summary>Another instance handled this very activity meanwhile.</summary>
        Duplicate,
    }

    public Failure FailNext { get; set; }

    /// <summary>Puts a <see cref="FailingStore"/> around the real store a host builds; <paramref name="made"/> gets it.</summary>
    public static void Around(IServiceCollection services, Action<FailingStore> made)
    {
        var real = services.Last(d => d.ServiceType == typeof(ITrainingStore));
        services.Remove(real);
        services.AddSingleton<ITrainingStore>(sp =>
        {
            var store = new FailingStore((ITrainingStore)real.ImplementationFactory!(sp));
            made(store);
            return store;
        });
    }

    /// <summary>How many times a conversation's stored state was read (directly, or as the start of a turn).</summary>
    public int ConversationReads => Volatile.Read(ref _conversationReads);

    private int _conversationReads;

    public Task<long> CommitAsync(ConversationCommit commit, CancellationToken cancellationToken = default)
    {
        var failure = FailNext;
        FailNext = Failure.None;
        return failure switch
        {
            Failure.BeforeCommit => throw new IOException("the database went away"),
            Failure.InsideCommit => inner.CommitAsync(commit with { NewTurns = [.. commit.NewTurns, .. commit.NewTurns] }, cancellationToken),
            Failure.Conflict => throw new ConcurrencyConflictException(commit.ConversationKey, commit.ExpectedVersion),
            Failure.Duplicate => throw new DuplicateActivityException(commit.ConversationKey, commit.ActivityId ?? ""),
            _ => inner.CommitAsync(commit, cancellationToken),
        };
    }

    public Task MigrateAsync(CancellationToken cancellationToken = default) => inner.MigrateAsync(cancellationToken);

    public Task<StoredConversation?> FindConversationAsync(string conversationKey, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _conversationReads);
        return inner.FindConversationAsync(conversationKey, cancellationToken);
    }

    public Task<bool> IsProcessedAsync(string conversationKey, string activityId, CancellationToken cancellationToken = default) =>
        inner.IsProcessedAsync(conversationKey, activityId, cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> PendingOutboxAsync(int max, CancellationToken cancellationToken = default) =>
        inner.PendingOutboxAsync(max, cancellationToken);

    public Task MarkSentAsync(long outboxId, CancellationToken cancellationToken = default) => inner.MarkSentAsync(outboxId, cancellationToken);

    public Task<PrunedRows> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) =>
        inner.PruneAsync(olderThan, cancellationToken);

    public Task<IReadOnlyList<RunningConversation>> RunningConversationsAsync(CancellationToken cancellationToken = default) =>
        inner.RunningConversationsAsync(cancellationToken);

    public Task<IReadOnlyList<TraineeSummary>> TraineesAsync(CancellationToken cancellationToken = default) => inner.TraineesAsync(cancellationToken);

    public Task<IReadOnlyList<SessionRecord>> SessionsAsync(SessionQuery query, CancellationToken cancellationToken = default) =>
        inner.SessionsAsync(query, cancellationToken);

    public Task<SessionRecord?> SessionAsync(string sessionId, CancellationToken cancellationToken = default) => inner.SessionAsync(sessionId, cancellationToken);

    public Task<IReadOnlyList<TurnRecord>> TurnsAsync(string sessionId, CancellationToken cancellationToken = default) => inner.TurnsAsync(sessionId, cancellationToken);

    public Task CreateAssignmentsAsync(IReadOnlyList<AssignmentRecord> assignments, CancellationToken cancellationToken = default) =>
        inner.CreateAssignmentsAsync(assignments, cancellationToken);

    public Task<IReadOnlyList<AssignmentProgress>> AssignmentsAsync(AssignmentQuery query, CancellationToken cancellationToken = default) =>
        inner.AssignmentsAsync(query, cancellationToken);

    public Task<bool> CancelAssignmentAsync(string assignmentId, CancellationToken cancellationToken = default) =>
        inner.CancelAssignmentAsync(assignmentId, cancellationToken);

    public Task<IReadOnlyList<DataProtectionKeyRecord>> DataProtectionKeysAsync(CancellationToken cancellationToken = default) =>
        inner.DataProtectionKeysAsync(cancellationToken);

    public Task StoreDataProtectionKeyAsync(string name, string xml, CancellationToken cancellationToken = default) =>
        inner.StoreDataProtectionKeyAsync(name, xml, cancellationToken);

    public Task<bool> TryUseOnceAsync(string nonce, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        inner.TryUseOnceAsync(nonce, expiresAt, cancellationToken);

    public Task<bool> IsUsedAsync(string nonce, CancellationToken cancellationToken = default) => inner.IsUsedAsync(nonce, cancellationToken);
}
