using System.Collections.Concurrent;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.BotFramework;

/// <summary>An <see cref="ILocalChannel"/> that keeps what it is asked to send; <see cref="Owns"/> is configurable.</summary>
internal sealed class RecordingSender(Func<ConversationReference, bool>? owns = null) : ILocalChannel
{
    public ConcurrentQueue<(ConversationReference Reference, Activity Activity)> Sent { get; } = new();

    public bool Owns(ConversationReference reference) => owns?.Invoke(reference) ?? true;

    public Task<string> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue((reference, activity));
        return Task.FromResult($"local-{Sent.Count}");
    }

    public Task UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue((reference, activity));
        return Task.CompletedTask;
    }
}
