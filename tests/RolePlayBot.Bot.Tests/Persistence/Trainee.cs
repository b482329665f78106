using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Tests.Conversations;

namespace RolePlayBot.Bot.Tests.Persistence;

/// <summary>One trainee's Web Chat conversation: the activities they send, each with a fresh id, stamped by the shared clock.</summary>
internal sealed class Trainee(ManualTime time, string? conversationId = null)
{
    private int _ids;

    public string ConversationId { get; } = conversationId ?? $"conv-{Guid.NewGuid():n}";

    public string Key => $"webchat|{ConversationId}";

    public Activity Says(string text, string? id = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? $"in-{Interlocked.Increment(ref _ids)}",
        Timestamp = time.GetUtcNow(),
        ChannelId = "webchat",
        ServiceUrl = "https://example.test/",
        From = new ChannelAccount { Id = "user-1", Name = "Ada", AadObjectId = "aad-ada", Role = "user" },
        Recipient = new ChannelAccount { Id = "bot", Name = "RolePlayBot" },
        Conversation = new ConversationAccount { Id = ConversationId, ConversationType = "personal" },
        Locale = "zh-CN",
        Text = text,
    };
}
