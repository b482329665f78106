using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Conversations.Streaming;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.Streaming;

/// <summary>The streamer's pacing against a channel that answers slowly: one chunk at a time, always the newest text.</summary>
public sealed class CustomerStreamTests
{
    /// <summary>A channel whose every send takes a while and which counts how many are in flight at once.</summary>
    private sealed class SlowChannel(TimeSpan latency)
    {
        private int _inFlight;

        public List<Activity> Sent { get; } = [];

        public int MostInFlight { get; private set; }

        public Func<int, Exception?> FailAt { get; set; } = _ => null;

        public async Task<string> SendAsync(Activity activity, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            MostInFlight = Math.Max(MostInFlight, now);
            try
            {
                await Task.Delay(latency, cancellationToken);
                lock (Sent)
                {
                    Sent.Add(activity);
                    if (FailAt(Sent.Count) is { } failure)
                    {
                        throw failure;
                    }

                    return $"id-{Sent.Count}";
                }
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    private static CustomerStream Open(SlowChannel channel, double intervalSeconds = 0.01) =>
        new(channel.SendAsync, text => "**客户**：" + text, TimeSpan.FromSeconds(intervalSeconds), TimeSpan.FromMinutes(1), TimeProvider.System, NullLogger.Instance, CancellationToken.None);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Chunks_go_one_at_a_time_and_skip_to_the_newest_text()
    {
        var channel = new SlowChannel(TimeSpan.FromMilliseconds(300));
        await using var stream = Open(channel);

        stream.Report("好");
        await WaitUntilAsync(() => channel.MostInFlight == 1);
        // The model writes on while the first chunk is on its way: only the newest text goes next.
        stream.Report("好吧");
        stream.Report("好吧，我");
        stream.Report("好吧，我等着。");
        await WaitUntilAsync(() => channel.Sent.Count == 2);
        await stream.CompleteAsync();

        Assert.Equal(1, channel.MostInFlight);
        Assert.Equal(["**客户**：好", "**客户**：好吧，我等着。"], channel.Sent.Select(a => a.Text));
        Assert.Equal("id-1", stream.StreamId);
        Assert.Null(channel.Sent[0].Id);
        Assert.Equal("id-1", channel.Sent[1].Id);
        var final = new Activity { Type = ActivityTypes.Message, Text = "**客户**：好吧，我等着。" };
        Assert.True(stream.Finish(final));
        Assert.Equal("id-1", final.Id);
        Assert.True(StreamInfo.IsFinal(final));
    }

    [Fact]
    public async Task It_asks_for_text_only_while_a_chunk_could_go()
    {
        var channel = new SlowChannel(TimeSpan.FromMilliseconds(300));
        await using var stream = Open(channel, intervalSeconds: 0.3);

        await WaitUntilAsync(() => stream.Ready);
        stream.Report("好");
        await WaitUntilAsync(() => channel.MostInFlight == 1);
        // A chunk on its way, then the interval after it: a report now would be dropped, so none is asked for.
        Assert.False(stream.Ready);
        await WaitUntilAsync(() => channel.Sent.Count == 1);
        Assert.False(stream.Ready);
        await WaitUntilAsync(() => stream.Ready);
        stream.Report("好吧");
        await WaitUntilAsync(() => channel.Sent.Count == 2);
        await stream.CompleteAsync();

        Assert.False(stream.Ready);
        Assert.Equal(["**客户**：好", "**客户**：好吧"], channel.Sent.Select(a => a.Text));
    }

    [Fact]
    public async Task Completing_waits_for_the_chunk_in_flight_so_the_final_message_never_overtakes_it()
    {
        var channel = new SlowChannel(TimeSpan.FromMilliseconds(300));
        var stream = Open(channel);

        stream.Report("你们");
        await WaitUntilAsync(() => channel.MostInFlight == 1);
        await stream.CompleteAsync();

        Assert.Single(channel.Sent);
        Assert.True(stream.IsLive);
        stream.Report("你们到底");
        await Task.Delay(100);
        Assert.Single(channel.Sent);
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task A_chunk_refused_because_the_channel_ended_the_stream_makes_the_final_message_an_ordinary_one()
    {
        var channel = new SlowChannel(TimeSpan.FromMilliseconds(10))
        {
            FailAt = n => n == 2 ? new ConnectorException("refused", System.Net.HttpStatusCode.Forbidden, """{"error":{"code":"ContentStreamNotAllowed"}}""") : null,
        };
        await using var stream = Open(channel);

        stream.Report("一");
        await WaitUntilAsync(() => stream.StreamId is not null);
        stream.Report("一二");
        await WaitUntilAsync(() => !stream.IsLive);
        stream.Report("一二三");
        await Task.Delay(100);
        await stream.CompleteAsync();

        Assert.Equal(2, channel.Sent.Count);
        Assert.False(stream.NeedsFinal);
        var final = new Activity { Type = ActivityTypes.Message, Text = "一二三" };
        Assert.False(stream.Finish(final));
        Assert.Null(final.Id);
        Assert.False(StreamInfo.IsFinal(final));
        Assert.Null(final.Entities);
    }

    [Fact]
    public async Task A_later_chunk_that_fails_stops_the_chunks_but_the_final_message_still_closes_the_bubble_it_began()
    {
        var channel = new SlowChannel(TimeSpan.FromMilliseconds(10))
        {
            FailAt = n => n == 2 ? new ConnectorException("POST failed after 3 attempts", System.Net.HttpStatusCode.BadGateway, "bad gateway") : null,
        };
        await using var stream = Open(channel);

        stream.Report("一");
        await WaitUntilAsync(() => stream.StreamId is not null);
        stream.Report("一二");
        await WaitUntilAsync(() => !stream.IsLive);
        stream.Report("一二三");
        await Task.Delay(100);
        await stream.CompleteAsync();

        // No chunk after the failed one, yet the client still shows the first as being written: the final replaces it.
        Assert.Equal(2, channel.Sent.Count);
        Assert.True(stream.NeedsFinal);
        var final = new Activity { Type = ActivityTypes.Message, Text = "一二三" };
        Assert.True(stream.Finish(final));
        Assert.Equal("id-1", final.Id);
        Assert.Equal(new StreamMetadata("id-1", "final", null), StreamMetadata.Of(JsonSerializer.SerializeToElement(final, BotJson.Options)));
    }

    [Fact]
    public async Task A_stream_past_its_time_limit_stops_its_chunks_and_the_final_message_closes_it()
    {
        var channel = new SlowChannel(TimeSpan.FromMilliseconds(10));
        await using var stream = new CustomerStream(channel.SendAsync, t => t, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20),
            TimeProvider.System, NullLogger.Instance, CancellationToken.None);

        stream.Report("我");
        await WaitUntilAsync(() => stream.StreamId is not null);
        await Task.Delay(200);
        stream.Report("我等了");
        await Task.Delay(100);
        await stream.CompleteAsync();

        Assert.Single(channel.Sent);
        Assert.False(stream.IsLive);
        var final = new Activity { Type = ActivityTypes.Message, Text = "我等了很久。" };
        Assert.True(stream.Finish(final));
        Assert.True(StreamInfo.IsFinal(final));
    }

    [Fact]
    public async Task A_first_chunk_that_gets_no_id_means_no_stream()
    {
        await using var stream = new CustomerStream((_, _) => Task.FromResult(""), t => t, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1),
            TimeProvider.System, NullLogger.Instance, CancellationToken.None);

        stream.Report("喂");
        await Task.Delay(100);
        await stream.CompleteAsync();

        Assert.False(stream.IsLive);
        Assert.False(stream.Finish(new Activity { Type = ActivityTypes.Message, Text = "喂？" }));
    }

    [Fact]
    public async Task The_first_chunk_waits_for_the_typing_indicator_still_on_its_way_and_goes_even_if_it_failed()
    {
        var channel = new SlowChannel(TimeSpan.FromMilliseconds(5));
        var typing = new TaskCompletionSource();
        await using var stream = new CustomerStream(channel.SendAsync, t => t, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1),
            TimeProvider.System, NullLogger.Instance, CancellationToken.None, typing.Task);

        // The model answered before the indicator reached the channel: nothing may overtake it.
        stream.Report("我的订单呢");
        await Task.Delay(150);
        Assert.Empty(channel.Sent);

        typing.SetException(new ConnectorException("the indicator was refused"));
        await WaitUntilAsync(() => stream.StreamId is not null);
        await stream.CompleteAsync();

        var chunk = Assert.Single(channel.Sent);
        Assert.Equal("我的订单呢", chunk.Text);
        Assert.True(stream.IsLive);
    }
}
