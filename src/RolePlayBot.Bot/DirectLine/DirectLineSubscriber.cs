using System.Threading.Channels;

namespace RolePlayBot.Bot.DirectLine;

/// <summary>The one WebSocket listening to a conversation: ActivitySet frames queue here and are written in order.</summary>
internal sealed class DirectLineSubscriber
{
    private readonly Channel<string> frames = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Set when another socket took over the conversation; the socket closes with this reason.</summary>
    public string? CloseReason { get; private set; }

    public ChannelReader<string> Frames => frames.Reader;

    public void Enqueue(string frame) => frames.Writer.TryWrite(frame);

    public void Close(string reason)
    {
        CloseReason = reason;
        frames.Writer.TryComplete();
    }
}
