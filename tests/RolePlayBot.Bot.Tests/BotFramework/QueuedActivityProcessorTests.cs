using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Turns;

namespace RolePlayBot.Bot.Tests.BotFramework;

/// <summary>The processor as the host builds it, with the outbound side replaced by a local recording channel.</summary>
public sealed class QueuedActivityProcessorTests : IDisposable
{
    private readonly FakeTurnHandler handler = new();
    private readonly RecordingSender channel = new();
    private readonly WebApplicationFactory<Program> host;

    public QueuedActivityProcessorTests()
    {
        host = BotHost.Create(handler, services: s =>
        {
            s.AddSingleton<ILocalChannel>(channel);
            s.Configure<ActivityProcessorOptions>(o => o.InvokeTimeout = TimeSpan.FromMilliseconds(200));
        });
    }

    private IActivityProcessor Processor => host.Services.GetRequiredService<IActivityProcessor>();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Turns_of_one_conversation_run_one_at_a_time_in_arrival_order()
    {
        var running = 0;
        var maxRunning = 0;
        var order = new ConcurrentQueue<string>();
        var firstStarted = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        handler.OnTurn = async (context, _) =>
        {
            var now = Interlocked.Increment(ref running);
            maxRunning = Math.Max(maxRunning, now);
            order.Enqueue(context.Activity.Text!);
            if (context.Activity.Text == "1")
            {
                firstStarted.SetResult();
                await releaseFirst.Task;
            }

            Interlocked.Decrement(ref running);
            return null;
        };

        foreach (var text in new[] { "1", "2", "3" })
        {
            Assert.Null(await Processor.ProcessAsync(Message("c1", text)));
        }

        await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["1"], order);
        releaseFirst.SetResult();
        await Processor.DrainAsync("test|c1").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["1", "2", "3"], order);
        Assert.Equal(1, maxRunning);
    }

    [Fact]
    public async Task A_slow_conversation_does_not_hold_up_another()
    {
        var release = new TaskCompletionSource();
        handler.OnTurn = async (context, _) =>
        {
            if (context.Activity.Conversation!.Id == "slow")
            {
                await release.Task;
            }

            return null;
        };

        await Processor.ProcessAsync(Message("slow", "wait"));
        await Processor.ProcessAsync(Message("fast", "go"));

        await Processor.DrainAsync("test|fast").WaitAsync(TimeSpan.FromSeconds(10));
        release.SetResult();
        await Processor.DrainAsync("test|slow").WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_failing_turn_is_apologised_for_and_the_next_turn_still_runs()
    {
        handler.OnTurn = (context, _) => context.Activity.Text == "boom"
            ? throw new InvalidOperationException("model down")
            : Task.FromResult<InvokeResponse?>(null);

        await Processor.ProcessAsync(Message("c1", "boom"));
        await Processor.ProcessAsync(Message("c1", "after"));
        await Processor.DrainAsync("test|c1").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, handler.Turns.Count);
        var (reference, apology) = Assert.Single(channel.Sent);
        Assert.Equal("c1", reference.Conversation.Id);
        Assert.Contains("抱歉", apology.Text);
        Assert.Equal("m-boom", apology.ReplyToId);
    }

    [Fact]
    public async Task The_handler_replies_through_the_router_to_the_owning_local_channel()
    {
        handler.OnTurn = async (context, ct) =>
        {
            await context.SendTextAsync("您好，我是顾客", ct);
            return null;
        };

        await Processor.ProcessAsync(Message("c1", "hi"));
        await Processor.DrainAsync("test|c1").WaitAsync(TimeSpan.FromSeconds(10));

        var (_, reply) = Assert.Single(channel.Sent);
        Assert.Equal("您好，我是顾客", reply.Text);
        Assert.Equal("user", reply.Recipient!.Id);
        Assert.Equal("bot", reply.From!.Id);
    }

    [Fact]
    public async Task An_adaptive_card_action_that_overruns_its_budget_answers_200_with_an_error_body()
    {
        handler.OnTurn = async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return null;
        };

        var response = await Processor.ProcessAsync(Fixtures.Activity("teams-adaptive-card-action-invoke"));

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        var body = JsonSerializer.SerializeToElement(response.Body, BotJson.Options);
        Assert.Equal(500, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.Equal("Timeout", body.GetProperty("value").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Another_invoke_that_throws_is_a_500()
    {
        handler.OnTurn = (_, _) => throw new InvalidOperationException("bug");

        var response = await Processor.ProcessAsync(new Activity { Type = "invoke", Name = "task/fetch", Conversation = new() { Id = "c1" } });

        Assert.Equal(500, response!.Status);
    }

    [Fact]
    public async Task Without_a_turn_handler_activities_are_dropped_and_invokes_are_501()
    {
        using var bare = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            web.ConfigureTestServices(s => s.RemoveAll<ITurnHandler>()));
        var processor = bare.Services.GetRequiredService<IActivityProcessor>();

        await processor.ProcessAsync(Message("c1", "hi"));
        await processor.DrainAsync("test|c1").WaitAsync(TimeSpan.FromSeconds(10));
        var response = await processor.ProcessAsync(new Activity { Type = "invoke", Name = "x", Conversation = new() { Id = "c1" } });

        Assert.Equal(501, response!.Status);
    }

    private static Activity Message(string conversation, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = "m-" + text,
        ChannelId = "test",
        ServiceUrl = "http://localhost/",
        Conversation = new ConversationAccount { Id = conversation },
        From = new ChannelAccount { Id = "user" },
        Recipient = new ChannelAccount { Id = "bot" },
        Text = text,
    };
}
