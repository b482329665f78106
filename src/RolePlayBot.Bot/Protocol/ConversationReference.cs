namespace RolePlayBot.Bot.Protocol;

/// <summary>
/// Where to send replies for one conversation, taken from a validated inbound activity: the channel, its
/// serviceUrl, the conversation, the bot's and the user's accounts.
/// </summary>
public sealed record ConversationReference(
    string ChannelId,
    string ServiceUrl,
    ConversationAccount Conversation,
    ChannelAccount Bot,
    ChannelAccount User,
    string? Locale)
{
    public static ConversationReference From(Activity activity) => new(
        activity.ChannelId ?? "",
        activity.ServiceUrl ?? "",
        activity.Conversation ?? new ConversationAccount(),
        activity.Recipient ?? new ChannelAccount(),
        activity.From ?? new ChannelAccount(),
        activity.Locale);

    /// <summary>A key unique per conversation across channels.</summary>
    public string Key => $"{ChannelId}|{Conversation.Id}";
}
