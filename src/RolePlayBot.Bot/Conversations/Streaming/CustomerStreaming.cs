using Microsoft.Extensions.Options;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Conversations.Streaming;

/// <summary>
/// Decides where the customer's answer streams and opens the <see cref="CustomerStream"/>: Teams in personal (1:1)
/// chats only, as Teams allows it nowhere else; Web Chat on the embedded Direct Line while its WebSocket is
/// connected, since only a socket delivers typing activities (polling clients would see nothing until the end).
/// Everything else — group chats and channels, polling, the Emulator, Azure's Direct Line (whose transport the bot
/// cannot see), unknown channels — gets the single message.
/// </summary>
public sealed class CustomerStreaming(
    IOptions<ConversationOptions> options,
    IEnumerable<ILocalChannel> localChannels,
    TimeProvider time,
    ILogger<CustomerStream> log)
{
    public const string TeamsChannelId = "msteams";

    private readonly ILocalChannel[] locals = [.. localChannels];

    /// <summary>The pace of the stream's chunks in this conversation, or null where the answer goes as one message.</summary>
    public TimeSpan? IntervalFor(ConversationReference reference)
    {
        var settings = options.Value;
        if (!settings.Streaming)
        {
            return null;
        }

        if (string.Equals(reference.ChannelId, TeamsChannelId, StringComparison.OrdinalIgnoreCase))
        {
            return string.Equals(reference.Conversation.ConversationType, "personal", StringComparison.OrdinalIgnoreCase)
                ? TimeSpan.FromSeconds(settings.TeamsStreamIntervalSeconds)
                : null;
        }

        return locals.Any(local => local.Owns(reference) && local.CanLivestream(reference))
            ? TimeSpan.FromSeconds(settings.WebChatStreamIntervalSeconds)
            : null;
    }

    /// <summary>A stream for this turn's customer answer, or null when it should go as one message.</summary>
    /// <param name="format">The customer's text as the message shows it.</param>
    /// <param name="after">What must reach the channel before the first chunk (the turn's typing indicator).</param>
    public CustomerStream? Open(Outbox outbox, Func<string, string> format, Task? after = null, CancellationToken cancellationToken = default)
    {
        // After an attempt that left a stream open the answer goes as one message, which then closes that stream.
        if (!outbox.CanSendNow || outbox.LeftOpen.Count > 0 || IntervalFor(outbox.Reference) is not { } interval)
        {
            return null;
        }

        var stream = new CustomerStream(outbox.SendNowAsync, format, interval, TimeSpan.FromSeconds(options.Value.StreamMaxSeconds), time, log, cancellationToken, after);
        outbox.Track(stream);
        return stream;
    }
}
