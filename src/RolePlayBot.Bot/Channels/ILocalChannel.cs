namespace RolePlayBot.Bot.Channels;

/// <summary>
/// A channel served by this process (the embedded Direct Line). The sender router asks local channels first,
/// so replies to their conversations never leave the process and never carry a token.
/// </summary>
public interface ILocalChannel : IChannelSender
{
    /// <summary>True when this channel owns the conversation (its serviceUrl is the channel's own).</summary>
    bool Owns(Protocol.ConversationReference reference);

    /// <summary>
    /// True when the conversation's client gets typing activities as they are sent and the ids of what the bot sends,
    /// which livestreaming needs (botframework.md §4.6). Channels that cannot tell say no.
    /// </summary>
    bool CanLivestream(Protocol.ConversationReference reference) => false;
}
