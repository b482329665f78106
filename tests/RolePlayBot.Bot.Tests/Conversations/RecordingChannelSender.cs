using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.Conversations;

/// <summary>Keeps every activity the bot sends, with the reference it went to.</summary>
internal sealed class RecordingChannelSender : IChannelSender
{
    private readonly List<(ConversationReference Reference, Activity Activity)> _sent = [];

    public IReadOnlyList<(ConversationReference Reference, Activity Activity)> Sent
    {
        get
        {
            lock (_sent)
            {
                return _sent.ToList();
            }
        }
    }

    public Task<string> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default)
    {
        lock (_sent)
        {
            _sent.Add((reference, activity));
            return Task.FromResult($"sent-{_sent.Count}");
        }
    }

    public Task UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;
}
