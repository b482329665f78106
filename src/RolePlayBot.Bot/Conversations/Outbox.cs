using System.Text.Json;
using System.Text.Json.Nodes;
using RolePlayBot.Bot.Conversations.Streaming;
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
    private readonly List<CustomerStream> _streams = [];

    private Outbox(
        ConversationReference reference, bool rendersCards, Action<Activity> address, Func<Activity, CancellationToken, Task<string>>? sendNow,
        IReadOnlyList<OpenStream>? leftOpen = null)
    {
        Reference = reference;
        RendersCards = rendersCards;
        _address = address;
        _sendNow = sendNow;
        LeftOpen = leftOpen ?? [];
    }

    /// <summary>
    /// Livestreams an earlier attempt at this turn began whose final message never went (the attempt lost a race and
    /// ran again, or failed): the client still shows their bubbles as being written. <see cref="CloseLeftOpen"/> ends them.
    /// </summary>
    public IReadOnlyList<OpenStream> LeftOpen { get; }

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
    /// <param name="leftOpen">Streams earlier attempts at this turn left open (<see cref="Abandon"/>).</param>
    public static Outbox ForTurn(TurnContext context, bool rendersCards, IReadOnlyList<OpenStream>? leftOpen = null) =>
        new(context.Reference, rendersCards, context.AddressReply, context.SendAsync, leftOpen);

    /// <summary>Notes a livestream sent through this outbox, to be closed should this outbox be discarded.</summary>
    public void Track(CustomerStream stream) => _streams.Add(stream);

    /// <summary>
    /// Discards this outbox (its attempt runs again, or failed): every stream it began or inherited is left open, as
    /// its final message, held here, will never go. Hand them to the next attempt's outbox.
    /// </summary>
    public IReadOnlyList<OpenStream> Abandon() =>
        [.. LeftOpen, .. _streams.Where(s => s.NeedsFinal).Select(s => new OpenStream(s.StreamId!, s.Settled))];

    /// <summary>
    /// Ends the streams <see cref="LeftOpen"/> before the commit: the first held plain message becomes the final
    /// message of the first of them (what the turn now says replaces the half-written bubble), a short note the final
    /// of any other; each goes only after that stream's last chunk.
    /// </summary>
    public void CloseLeftOpen(string note)
    {
        foreach (var open in LeftOpen)
        {
            var final = _messages.FirstOrDefault(IsPlain);
            if (final is null)
            {
                final = new Activity { Type = ActivityTypes.Message, Text = note, TextFormat = "markdown" };
                _address(final);
                _messages.Insert(0, final);
            }

            final.Id = open.Id;
            StreamInfo.Mark(final, open.Id, StreamInfo.Final, sequence: null);
            SendAfter(open.Settled);
        }

        static bool IsPlain(Activity activity) =>
            activity.Type == ActivityTypes.Message && !string.IsNullOrEmpty(activity.Text) && activity.Attachments is not { Count: > 0 }
            && !StreamInfo.IsFinal(activity);
    }

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
