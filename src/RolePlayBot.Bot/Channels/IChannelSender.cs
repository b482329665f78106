using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Channels;

/// <summary>
/// Sends bot activities to a conversation: the Connector REST API of the conversation's serviceUrl (Teams, Azure
/// Bot Service) or the embedded Direct Line, chosen by the reference.
/// </summary>
public interface IChannelSender
{
    /// <summary>Sends (or, with <paramref name="activity"/>.ReplyToId set, replies). Returns the new activity's id ("" when the channel gives none).</summary>
    Task<string> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="SendAsync(ConversationReference, Activity, CancellationToken)"/> for an activity already serialised as
    /// <paramref name="json"/> (the outbox stored it so): a channel that sends JSON sends these bytes.
    /// </summary>
    Task<string> SendAsync(ConversationReference reference, Activity activity, ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default) =>
        SendAsync(reference, activity, cancellationToken);

    /// <summary>Replaces an activity the bot sent earlier (e.g. a card after it was used).</summary>
    Task UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken = default);
}
