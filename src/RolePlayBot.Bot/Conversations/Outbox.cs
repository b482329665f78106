using System.Text.Json;
using System.Text.Json.Nodes;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Turns;

namespace RolePlayBot.Bot.Conversations;

/// <summary>
/// What a turn (or a chaser tick) says to the conversation, held back until the turn is committed: the messages are
/// stored with the new state and sent afterwards, so a turn that loses a race or fails to commit says nothing.
/// Typing indicators and livestream chunks go at once (they promise nothing; the final message is held). Knows whether the channel renders Adaptive Cards and falls
/// back to Markdown when it does not.
/// </summary>
public sealed class Outbox
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    private readonly List<Activity> _messages = [];
    private readonly Action<Activity> _address;
    private readonly Func<Activity, CancellationToken, Task<string>>? _sendNow;

    private Outbox(ConversationReference reference, bool rendersCards, Action<Activity> address, Func<Activity, CancellationToken, Task<string>>? sendNow)
    {
        Reference = reference;
        RendersCards = rendersCards;
        _address = address;
        _sendNow = sendNow;
    }

    /// <summary>Where the messages go.</summary>
    public ConversationReference Reference { get; }

    public bool RendersCards { get; }

    /// <summary>The messages held for sending after the commit, in order, already addressed.</summary>
    public IReadOnlyList<Activity> Messages => _messages;

    /// <summary>What the held messages wait for before they go (a livestream chunk still on its way); null for nothing.</summary>
    public Task? SendsAfter { get; private set; }

    /// <summary>Holds the sending of the messages (not their commit) until <paramref name="task"/> has completed, however it ends.</summary>
    public void SendAfter(Task task) => SendsAfter = SendsAfter is { } earlier ? Task.WhenAll(earlier, task) : task;

    /// <summary>Replies to an inbound activity (addressed as <see cref="TurnContext.SendAsync"/> would).</summary>
    public static Outbox ForTurn(TurnContext context, bool rendersCards) =>
        new(context.Reference, rendersCards, context.AddressReply, context.SendAsync);

    /// <summary>Proactive messages addressed from the stored reference (no inbound activity to reply to).</summary>
    public static Outbox Proactive(ConversationReference reference, bool rendersCards) =>
        new(reference, rendersCards, activity =>
        {
            activity.Type ??= ActivityTypes.Message;
            activity.ChannelId ??= reference.ChannelId;
            activity.ServiceUrl ??= reference.ServiceUrl;
            activity.From ??= reference.Bot;
            activity.Recipient ??= reference.User;
            activity.Conversation ??= reference.Conversation;
            activity.Locale ??= reference.Locale;
        }, sendNow: null);

    public Task TextAsync(string markdown, CancellationToken cancellationToken = default) =>
        AddAsync(new Activity { Type = ActivityTypes.Message, Text = markdown, TextFormat = "markdown" });

    /// <summary>Sent at once, not held: a typing indicator of a turn that is later discarded does no harm.</summary>
    public Task TypingAsync(CancellationToken cancellationToken = default) =>
        _sendNow is null ? Task.CompletedTask : _sendNow(new Activity { Type = ActivityTypes.Typing }, cancellationToken);

    /// <summary>True when activities can go at once (a turn's outbox); proactive ones only hold messages.</summary>
    public bool CanSendNow => _sendNow is not null;

    /// <summary>Sends an activity at once, not held (a livestream chunk), and returns the id the channel gave it.</summary>
    public Task<string> SendNowAsync(Activity activity, CancellationToken cancellationToken = default) =>
        _sendNow is null
            ? throw new InvalidOperationException("This outbox only holds messages for after the commit.")
            : _sendNow(activity, cancellationToken);

    /// <summary>Holds a message the caller built (e.g. a stream's final message with its metadata).</summary>
    public Task MessageAsync(Activity message, CancellationToken cancellationToken = default) => AddAsync(message);

    /// <summary>The card where cards render, else its Markdown version. <paramref name="summary"/> is the notification preview.</summary>
    public Task CardAsync(JsonObject card, string markdown, string summary, CancellationToken cancellationToken = default) =>
        RendersCards
            ? AddAsync(new Activity
            {
                Type = ActivityTypes.Message,
                Summary = summary,
                Attachments = [new Attachment { ContentType = AdaptiveCardContentType, Content = JsonSerializer.SerializeToElement(card) }],
            })
            : TextAsync(markdown, cancellationToken);

    private Task AddAsync(Activity activity)
    {
        _address(activity);
        _messages.Add(activity);
        return Task.CompletedTask;
    }
}
