using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Channels;

/// <summary>
/// The app's <see cref="IChannelSender"/>: a conversation owned by a local channel (the embedded Direct Line) is
/// answered in-process; every other one goes through the Connector.
/// </summary>
public sealed class ChannelSenderRouter(IEnumerable<ILocalChannel> localChannels, ConnectorSender connector) : IChannelSender
{
    private readonly ILocalChannel[] locals = [.. localChannels];

    public Task<string> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default) =>
        Route(reference).SendAsync(reference, activity, cancellationToken);

    public Task UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        Route(reference).UpdateAsync(reference, activityId, activity, cancellationToken);

    private IChannelSender Route(ConversationReference reference) =>
        locals.FirstOrDefault(local => local.Owns(reference)) ?? (IChannelSender)connector;
}
