using System.Text.Json;
using System.Text.Json.Nodes;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Turns;

namespace RolePlayBot.Bot.Conversations;

/// <summary>
/// Where a conversation's bot messages go: replies within a turn, or proactive sends for the chaser. Knows
/// whether the channel renders Adaptive Cards and falls back to Markdown when it does not.
/// </summary>
public sealed class Outbox(Func<Activity, CancellationToken, Task<string>> send, bool rendersCards)
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public bool RendersCards { get; } = rendersCards;

    /// <summary>Every activity sent, in order (the invoke path and logs read it).</summary>
    public int Sent { get; private set; }

    public static Outbox ForTurn(TurnContext context, bool rendersCards) =>
        new((activity, ct) => context.SendAsync(activity, ct), rendersCards);

    /// <summary>Proactive sends addressed from the stored reference (no inbound activity to reply to).</summary>
    public static Outbox Proactive(IChannelSender sender, ConversationReference reference, bool rendersCards) =>
        new((activity, ct) =>
        {
            activity.Type ??= ActivityTypes.Message;
            activity.ChannelId ??= reference.ChannelId;
            activity.ServiceUrl ??= reference.ServiceUrl;
            activity.From ??= reference.Bot;
            activity.Recipient ??= reference.User;
            activity.Conversation ??= reference.Conversation;
            activity.Locale ??= reference.Locale;
            return sender.SendAsync(reference, activity, ct);
        }, rendersCards);

    public Task<string> TextAsync(string markdown, CancellationToken cancellationToken = default) =>
        SendAsync(new Activity { Type = ActivityTypes.Message, Text = markdown, TextFormat = "markdown" }, cancellationToken);

    public Task<string> TypingAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);

    /// <summary>The card where cards render, else its Markdown version. <paramref name="summary"/> is the notification preview.</summary>
    public Task<string> CardAsync(JsonObject card, string markdown, string summary, CancellationToken cancellationToken = default) =>
        RendersCards
            ? SendAsync(new Activity
            {
                Type = ActivityTypes.Message,
                Summary = summary,
                Attachments = [new Attachment { ContentType = AdaptiveCardContentType, Content = JsonSerializer.SerializeToElement(card) }],
            }, cancellationToken)
            : TextAsync(markdown, cancellationToken);

    private Task<string> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        Sent++;
        return send(activity, cancellationToken);
    }
}
