using System.Collections.Concurrent;

namespace RolePlayBot.Bot.Conversations.State;

/// <summary>Conversation state in process memory: lost on restart, fine for one instance.</summary>
public sealed class InMemoryConversationStateStore : IConversationStateStore
{
    private readonly ConcurrentDictionary<string, ConversationState> _states = new(StringComparer.Ordinal);

    public Task<ConversationState?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_states.TryGetValue(key, out var state) ? state : null);

    public Task SaveAsync(ConversationState state, CancellationToken cancellationToken = default)
    {
        _states[state.Key] = state;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> RunningAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(_states.Values.Where(s => s.IsPractising).Select(s => s.Key).ToList());
}
