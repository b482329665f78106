using RolePlayBot.Bot.Conversations;
using RolePlayBot.Bot.Conversations.State;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Storage;

/// <summary>
/// A turn's way to the store: load the conversation with its version, then commit everything the turn did — the new
/// state, the handled activity, the session and its new turns, the replies — in one transaction, and send the replies
/// once it holds. A commit that lost a race throws <see cref="ConcurrencyConflictException"/> and writes nothing.
/// </summary>
public sealed class ConversationJournal(
    ITrainingStore store,
    ConversationStateCodec codec,
    TrainingRecords records,
    OutboxDrainer outbox,
    ConversationCache cache,
    TimeProvider time,
    ILogger<ConversationJournal> log)
{
    /// <summary>The conversation as stored, or a new one addressed to <paramref name="reference"/>.</summary>
    public async Task<LoadedConversation> LoadAsync(ConversationReference reference, CancellationToken cancellationToken = default) =>
        await FindAsync(reference.Key, cancellationToken) ?? new LoadedConversation(new ConversationState(reference.Key, reference), 0, null, null);

    /// <summary>
    /// The start of a turn in one read: null when <paramref name="activityId"/> was already handled (a redelivery, or
    /// another instance got it too), else the conversation as <see cref="LoadAsync"/> gives it — from the
    /// <see cref="ConversationCache"/> when the store still has the version cached, without reading the state again.
    /// </summary>
    public async Task<LoadedConversation?> LoadForTurnAsync(ConversationReference reference, string? activityId, CancellationToken cancellationToken = default)
    {
        var key = reference.Key;
        var read = await store.FindForTurnAsync(key, activityId, cache.VersionOf(key), cancellationToken);
        if (read.Handled)
        {
            return null;
        }

        if (read.Unchanged is { } version)
        {
            if (cache.TryTake(key, version) is { } held)
            {
                return new LoadedConversation(held, version, null, null);
            }

            // Taken meanwhile (cannot happen under the conversation's lock; a chaser reads on its own): read it whole.
            read = await store.FindForTurnAsync(key, activityId, cancellationToken);
        }
        else
        {
            cache.Remove(key);
        }

        return read.Conversation is { } stored
            ? Decode(stored)
            : new LoadedConversation(new ConversationState(key, reference), 0, null, null);
    }

    /// <summary>The stored conversation, or null when there is none.</summary>
    public async Task<LoadedConversation?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        await store.FindConversationAsync(key, cancellationToken) is { } stored ? Decode(stored) : null;

    private LoadedConversation Decode(StoredConversation stored)
    {
        var key = stored.Key;
        var decoded = codec.Decode(key, stored.StateJson);
        return new LoadedConversation(decoded.State, stored.Version, decoded.LostSession, stored.StateJson);
    }

    /// <summary>The state of <paramref name="loaded"/> afresh, as it was before the turn touched it.</summary>
    public async Task<ConversationState> RereadAsync(LoadedConversation loaded, ConversationReference reference, CancellationToken cancellationToken = default)
    {
        if (loaded.Json is { } json)
        {
            return codec.Decode(reference.Key, json).State;
        }

        if (loaded.Version == 0)
        {
            return new ConversationState(reference.Key, reference);
        }

        // It came from the cache: the stored JSON is the state as it was (a newer version makes the commit conflict and rerun).
        return (await FindAsync(reference.Key, cancellationToken))?.State ?? new ConversationState(reference.Key, reference);
    }

    public Task<bool> IsHandledAsync(string key, string activityId, CancellationToken cancellationToken = default) =>
        store.IsProcessedAsync(key, activityId, cancellationToken);

    /// <summary>Commits the turn that began at <paramref name="before"/>; returns the batch of replies to send.</summary>
    public async Task<CommittedBatch> CommitAsync(
        LoadedConversation loaded, ConversationState state, SessionTrack before, string? activityId, Outbox replies, CancellationToken cancellationToken = default)
    {
        var at = time.GetUtcNow();
        var (session, turns) = records.After(before, state, at);
        InputHints.Mark(replies.Messages, state.IsPractising);
        var (batch, drafts) = OutboxDrainer.Drafts(replies, out var wire);
        var commit = new ConversationCommit(
            state.Key, loaded.Version, codec.Encode(state), state.IsPractising, activityId, session, turns, drafts, at);
        var committed = await store.CommitTurnAsync(commit, cancellationToken);
        cache.Put(state.Key, committed.Version, state);
        var ids = committed.OutboxIds is { } written && written.Count == drafts.Count ? written : null;
        return new CommittedBatch(batch, replies.Reference, replies.Messages, ids, wire, replies.SendsAfter);
    }

    /// <summary>
    /// Sends a committed batch. Never throws for a failed send: the turn is done, and the drainer sends what is left.
    /// </summary>
    public async Task SendAsync(string key, CommittedBatch batch, CancellationToken cancellationToken = default)
    {
        try
        {
            await outbox.SendCommittedAsync(key, batch, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Replies of {Conversation} committed but not sent yet; the outbox drainer will send them", key);
        }
    }
}
