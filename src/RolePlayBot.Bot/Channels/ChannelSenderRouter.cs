using RolePlayBot.Bot.Conversations.Streaming;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Channels;

/// <summary>
/// The app's <see cref="IChannelSender"/>: a conversation owned by a local channel (the embedded Direct Line) is
/// answered in-process; every other one goes through the Connector.
/// </summary>
/// <remarks>
/// A stream's final message that the channel refuses (Teams: 403 ContentStreamNotAllowed once the stream has timed
/// out, or 400/BadArgument where streaming is not enabled) is sent again as an ordinary message, so the customer's
/// answer is never lost to the streaming protocol.
/// </remarks>
public sealed class ChannelSenderRouter(IEnumerable<ILocalChannel> localChannels, ConnectorSender connector, ILogger<ChannelSenderRouter>? log = null) : IChannelSender
{
    private readonly ILocalChannel[] locals = [.. localChannels];

    public Task<string> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync(reference, activity, ReadOnlyMemory<byte>.Empty, cancellationToken);

    public async Task<string> SendAsync(ConversationReference reference, Activity activity, ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default)
    {
        var channel = Route(reference);
        try
        {
            return json.IsEmpty
                ? await channel.SendAsync(reference, activity, cancellationToken)
                : await channel.SendAsync(reference, activity, json, cancellationToken);
        }
        catch (ConnectorException e) when (e.Status is { } status && (int)status is >= 400 and < 500 && StreamInfo.IsFinal(activity))
        {
            log?.LogWarning("The channel refused to close the stream ({Status} {Body}); the message goes as an ordinary one", (int)status, e.ErrorBody);
            StreamInfo.Strip(activity);
            return await channel.SendAsync(reference, activity, cancellationToken);
        }
    }

    public Task UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        Route(reference).UpdateAsync(reference, activityId, activity, cancellationToken);

    private IChannelSender Route(ConversationReference reference) =>
        locals.FirstOrDefault(local => local.Owns(reference)) ?? (IChannelSender)connector;
}
