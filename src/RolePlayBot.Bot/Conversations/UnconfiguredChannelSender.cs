using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Conversations;

/// <summary>
/// Stands in until a channel adapter registers the real <see cref="IChannelSender"/> (registered with TryAdd, so
/// any real one wins): proactive chasers are logged and dropped instead of failing the host at start.
/// </summary>
internal sealed class UnconfiguredChannelSender(ILogger<UnconfiguredChannelSender> log) : IChannelSender
{
    public Task<string> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default)
    {
        log.LogWarning("No channel sender registered; dropped a {Type} activity for {Conversation}", activity.Type, reference.Key);
        return Task.FromResult("");
    }

    public Task UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        log.LogWarning("No channel sender registered; dropped an update for {Conversation}", reference.Key);
        return Task.CompletedTask;
    }
}
