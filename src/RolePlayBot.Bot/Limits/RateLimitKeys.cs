using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Limits;

/// <summary>Who sent an activity and where, as the rate limiter counts them; and which activities count at all.</summary>
public static class RateLimitKeys
{
    /// <summary>What a trainee sends: messages (text or a button) and card actions. Joins and installs never count.</summary>
    public static bool Counts(Activity activity) =>
        activity.Type is ActivityTypes.Message or ActivityTypes.Invoke;

    /// <summary>The user, per channel: the Entra object id in Teams (stable across chats), else the channel's user id.</summary>
    public static string User(Activity activity) =>
        activity.From?.AadObjectId is { Length: > 0 } aad ? $"{activity.ChannelId}|aad|{aad}"
        : activity.From?.Id is { Length: > 0 } id ? $"{activity.ChannelId}|{id}"
        : Conversation(activity);

    public static string Conversation(Activity activity) => ConversationReference.From(activity).Key;
}
