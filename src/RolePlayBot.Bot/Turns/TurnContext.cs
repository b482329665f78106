using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Turns;

/// <summary>One inbound activity, where it came from, and how to answer it.</summary>
public sealed class TurnContext(Activity activity, IChannelSender sender)
{
    public Activity Activity { get; } = activity;

    public ConversationReference Reference { get; } = ConversationReference.From(activity);

    public IChannelSender Sender { get; } = sender;

    /// <summary>Sends an activity into this conversation, addressed as a reply to the inbound one.</summary>
    public Task<string> SendAsync(Activity reply, CancellationToken cancellationToken = default)
    {
        AddressReply(reply);
        return Sender.SendAsync(Reference, reply, cancellationToken);
    }

    /// <summary>Fills in what the sender left out to make <paramref name="reply"/> an answer to the inbound activity.</summary>
    public void AddressReply(Activity reply)
    {
        reply.Type ??= ActivityTypes.Message;
        reply.ChannelId ??= Activity.ChannelId;
        reply.From ??= Activity.Recipient;
        reply.Recipient ??= Activity.From;
        reply.Conversation ??= Activity.Conversation;
        reply.ReplyToId ??= Activity.Id;
        reply.Locale ??= Activity.Locale;
    }

    public Task<string> SendTextAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync(new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown" }, cancellationToken);

    public Task<string> SendTypingAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
}
