namespace RolePlayBot.Bot.Conversations.State;

/// <summary>
/// Per-conversation state, keyed by <see cref="Protocol.ConversationReference.Key"/>. Callers hold the
/// conversation's lock (<see cref="ConversationLocks"/>) from load to save.
/// </summary>
public interface IConversationStateStore
{
    Task<ConversationState?> FindAsync(string key, CancellationToken cancellationToken = default);

    Task SaveAsync(ConversationState state, CancellationToken cancellationToken = default);

    /// <summary>Keys of the conversations with a session still running (the chaser's work list).</summary>
    Task<IReadOnlyList<string>> RunningAsync(CancellationToken cancellationToken = default);
}
