using System.Threading.Channels;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Core.Customers;

namespace RolePlayBot.Bot.Conversations.Streaming;

/// <summary>
/// Puts the customer's answer on screen while the model writes it, as a Bot Framework livestream (botframework.md
/// §4.6): <c>typing</c> activities carrying the whole text so far, the first without a stream id (the id the channel
/// returns for it becomes the stream's), each later one with that id and the next sequence number. One chunk at a
/// time, the next only after the previous one returned and <c>interval</c> later, always with the newest text (the
/// chunks in between are skipped, not queued). The final message is not sent here: it goes through the outbox after
/// the turn is committed, marked by <see cref="Finish"/>.
/// </summary>
/// <remarks>
/// Any failure to send a chunk ends the chunks for good. A first chunk refused (Teams: 403 ContentStreamNotAllowed,
/// BadArgument "streaming api is not enabled") means no stream: the answer goes as one ordinary message, so nothing is
/// lost. A later chunk failing (a 400, a 5xx past the retries, a dropped connection) leaves a bubble on screen that
/// the client still shows as being written, so the final message still closes it with the whole answer — unless the
/// channel said the stream is already over (403 ContentStreamNotAllowed), when it goes as an ordinary message. Past
/// <c>maxDuration</c> (Teams closes a stream after 2 minutes) the chunks stop too and the final message closes the
/// stream; a channel that refuses that final gets it again as an ordinary message (<see cref="ChannelSenderRouter"/>).
/// </remarks>
public sealed class CustomerStream : IPacedProgress, IAsyncDisposable
{
    private readonly Func<Activity, CancellationToken, Task<string>> _send;
    private readonly Func<string, string> _format;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _maxDuration;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly CancellationToken _turn;
    private readonly Task _after;
    private readonly Channel<string> _newest = Channel.CreateBounded<string>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private string? _sent;
    private int _sequence;
    private long _startedAt;
    private volatile string? _streamId;
    private volatile bool _failed;
    private volatile bool _closedByChannel;
    private volatile bool _ready;

    /// <param name="send">Sends one activity at once and returns the id the channel gave it.</param>
    /// <param name="format">The customer's text as the final message will show it (name, text, mood), so chunks and the final read alike.</param>
    /// <param name="after">Sent before the first chunk goes (its failure does not matter); null when nothing is.</param>
    public CustomerStream(
        Func<Activity, CancellationToken, Task<string>> send,
        Func<string, string> format,
        TimeSpan interval,
        TimeSpan maxDuration,
        TimeProvider time,
        ILogger log,
        CancellationToken turn,
        Task? after = null)
    {
        _after = after ?? Task.CompletedTask;
        _send = send;
        _format = format;
        _interval = interval;
        _maxDuration = maxDuration;
        _time = time;
        _log = log;
        _turn = turn;
        _loop = Task.Run(RunAsync, CancellationToken.None);
    }

    /// <summary>The id of the stream once its first chunk was accepted.</summary>
    public string? StreamId => _streamId;

    /// <summary>The stream has begun and nothing has gone wrong: the client shows the bubble the final message will fill.</summary>
    public bool IsLive => _streamId is not null && !_failed && !Expired;

    /// <summary>
    /// The stream began and the channel has not ended it: the client shows a bubble that only a final message closes,
    /// even if later chunks failed or the time limit stopped them.
    /// </summary>
    public bool NeedsFinal => _streamId is not null && !_closedByChannel;

    private bool Expired => _startedAt != 0 && _time.GetElapsedTime(_startedAt) > _maxDuration;

    /// <summary>The whole text so far (called from the model's stream; never blocks it).</summary>
    public void Report(string value) => _newest.Writer.TryWrite(value);

    /// <summary>True while the stream waits for text: not before the first chunk may go, during a chunk's send or the interval after it, or once the stream has ended.</summary>
    public bool Ready => _ready;

    /// <summary>Stops sending chunks, waiting for one in flight to return (so the final message never overtakes it).</summary>
    public async Task CompleteAsync()
    {
        await StopAsync();
        await _loop;
    }

    /// <summary>
    /// Stops sending chunks and returns once it is known whether the stream began (a first chunk still on its way is
    /// waited for: its answer decides whether the final message joins the stream). A later chunk may still be on its
    /// way: the final message must wait for <see cref="Settled"/> before it goes, and can be committed meanwhile.
    /// </summary>
    public async Task StopAsync()
    {
        _newest.Writer.TryComplete();
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        if (_streamId is null)
        {
            await _loop;
        }
    }

    /// <summary>Completes when no chunk is on its way any more (never faults).</summary>
    public Task Settled => _loop;

    /// <summary>
    /// Makes <paramref name="message"/> the stream's final message ({streamId, streamType:"final"}, no sequence) when
    /// the stream <see cref="NeedsFinal"/>; otherwise leaves it an ordinary message. Call after <see cref="StopAsync"/>.
    /// </summary>
    public bool Finish(Activity message)
    {
        if (!NeedsFinal)
        {
            return false;
        }

        message.Id = _streamId;
        StreamInfo.Mark(message, _streamId, StreamInfo.Final, sequence: null);
        return true;
    }

    /// <summary>Stops the stream; a chunk still on its way finishes on its own (see <see cref="Settled"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _ = _loop.ContinueWith(static (_, stop) => ((CancellationTokenSource)stop!).Dispose(), _stop, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunAsync()
    {
        try
        {
            await _after.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (true)
            {
                _ready = true;
                if (!await _newest.Reader.WaitToReadAsync(_stop.Token))
                {
                    return;
                }

                _ready = false;
                if (!_newest.Reader.TryRead(out var text) || text == _sent)
                {
                    continue;
                }

                if (Expired)
                {
                    _log.LogInformation("The customer's stream ran past {Max}; the rest goes in the final message only", _maxDuration);
                    return;
                }

                if (!await SendChunkAsync(text))
                {
                    return;
                }

                await Task.Delay(_interval, _time, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Completed (or the turn was cancelled): the final message carries the whole text.
        }
        finally
        {
            _ready = false;
        }
    }

    private async Task<bool> SendChunkAsync(string text)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var chunk = new Activity { Type = ActivityTypes.Typing, Text = _format(text), TextFormat = "markdown" };
        var streamId = _streamId;
        if (streamId is not null)
        {
            chunk.Id = streamId;
        }

        StreamInfo.Mark(chunk, streamId, StreamInfo.Streaming, sequence);
        try
        {
            var id = await _send(chunk, _turn);
            _sent = text;
            if (streamId is null)
            {
                if (string.IsNullOrEmpty(id))
                {
                    _log.LogWarning("The channel gave the first stream chunk no id; the customer's answer goes as one message");
                    _failed = true;
                    return false;
                }

                _startedAt = _time.GetTimestamp();
                _streamId = id;
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _failed = true;
            _closedByChannel = EndsTheStream(e);
            var detail = e is ConnectorException { Status: { } status } refused ? $"{(int)status} {refused.ErrorBody}" : e.Message;
            if (NeedsFinal)
            {
                _log.LogWarning("Streaming the customer's answer stopped at chunk {Sequence} ({Detail}); the final message closes the stream", sequence, detail);
            }
            else
            {
                _log.LogWarning("Streaming the customer's answer stopped at chunk {Sequence} ({Detail}); it goes as one message", sequence, detail);
            }

            return false;
        }
    }

    /// <summary>Teams' 403 ContentStreamNotAllowed: the stream is over on the channel's side (timed out, completed or never allowed).</summary>
    private static bool EndsTheStream(Exception e) =>
        e is ConnectorException { Status: System.Net.HttpStatusCode.Forbidden, ErrorBody: { } body }
        && body.Contains("ContentStreamNotAllowed", StringComparison.OrdinalIgnoreCase);
}
