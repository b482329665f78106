using Microsoft.Extensions.DependencyInjection;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Tests.Conversations;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Tests.Persistence;

/// <summary>Each message is handled once, each turn is recorded whole or not at all, and committed replies always go out.</summary>
public sealed class DeliveryTests
{
    [Fact]
    public async Task A_redelivered_activity_makes_one_turn_and_one_set_of_replies_even_after_a_restart()
    {
        using var db = new TempSqlite();
        var time = new ManualTime(ChatHarness.Start);
        var trainee = new Trainee(time);
        var sender = new RecordingChannelSender();
        await using var bot = new BotInstance(db.Options, time, sender);
        await bot.SendAsync(trainee.Says(Script.Start));
        time.Advance(TimeSpan.FromSeconds(20));
        var reply = trainee.Says(Script.Replies[0]);

        var mark = sender.Sent.Count;
        await bot.SendAsync(reply);
        var once = sender.Sent.Count - mark;
        await bot.SendAsync(reply);

        Assert.True(once >= 2, $"{once} replies");
        Assert.Equal(mark + once, sender.Sent.Count);
        var session = Assert.Single(await bot.Store.SessionsAsync(new SessionQuery()));
        Assert.Single(await bot.Store.TurnsAsync(session.Id));

        var later = new RecordingChannelSender();
        await using var restarted = new BotInstance(db.Options, time, later);
        await restarted.SendAsync(reply);
        Assert.Empty(later.Sent);
        Assert.Single(await restarted.Store.TurnsAsync(session.Id));
    }

    [Theory]
    [InlineData(FailingStore.Failure.BeforeCommit)]
    [InlineData(FailingStore.Failure.InsideCommit)]
    public async Task A_turn_whose_commit_fails_records_nothing_says_nothing_and_the_next_message_works(FailingStore.Failure failure)
    {
        using var db = new TempSqlite();
        var time = new ManualTime(ChatHarness.Start);
        var trainee = new Trainee(time);
        var sender = new RecordingChannelSender();
        FailingStore? store = null;
        await using var bot = new BotInstance(db.Options, time, sender, services: s => s.AddSingleton<ITrainingStore>(_ =>
            store = new FailingStore(TrainingStoreFactory.Create(db.Options, time: time))));
        await bot.SendAsync(trainee.Says(Script.Start));
        var before = await bot.Store.FindConversationAsync(trainee.Key);
        time.Advance(TimeSpan.FromSeconds(20));

        store!.FailNext = failure;
        var reply = trainee.Says(Script.Replies[0]);
        var mark = sender.Sent.Count;
        await Assert.ThrowsAnyAsync<Exception>(() => bot.SendAsync(reply));

        Assert.Equal(mark, sender.Sent.Count);
        var session = Assert.Single(await bot.Store.SessionsAsync(new SessionQuery()));
        Assert.Empty(await bot.Store.TurnsAsync(session.Id));
        Assert.Equal(before!.Version, (await bot.Store.FindConversationAsync(trainee.Key))!.Version);
        Assert.False(await bot.Store.IsProcessedAsync(trainee.Key, reply.Id!));
        Assert.Empty(await bot.Store.PendingOutboxAsync(10));

        // The channel's redelivery of that very message now goes through, and so does the next one.
        await bot.SendAsync(reply);
        time.Advance(TimeSpan.FromSeconds(20));
        await bot.SendAsync(trainee.Says(Script.Replies[1]));
        Assert.Equal([1, 2], (await bot.Store.TurnsAsync(session.Id)).Select(t => t.Index));
        Assert.Contains(Sent.Cards(sender.Sent.Skip(mark).Select(s => s.Activity)), c => Sent.CardText(c).Contains("已收到您的反馈"));
    }

    [Fact]
    public async Task Replies_committed_but_not_sent_before_a_crash_are_sent_by_the_drainer_in_order_and_only_once()
    {
        using var db = new TempSqlite();
        var time = new ManualTime(ChatHarness.Start);
        var trainee = new Trainee(time);
        await using (var crashing = new BotInstance(db.Options, time, new DeadChannel()))
        {
            await crashing.SendAsync(trainee.Says(Script.Start));
            Assert.NotEmpty(await crashing.Store.PendingOutboxAsync(10));
        }

        var sender = new RecordingChannelSender();
        await using var next = new BotInstance(db.Options, time, sender);
        Assert.Equal(0, await next.Outbox.DrainAsync(time.GetUtcNow()));   // still within the grace period: maybe being sent elsewhere
        time.Advance(TimeSpan.FromMinutes(1));
        var drained = await next.Outbox.DrainAsync(time.GetUtcNow());

        Assert.Equal(2, drained);
        var texts = Sent.Texts(sender.Sent.Select(s => s.Activity));
        Assert.StartsWith("**练习客户：", texts[0]);
        Assert.Contains("精华液", texts[1]);
        Assert.All(sender.Sent, s => Assert.Equal(trainee.ConversationId, s.Reference.Conversation.Id));
        Assert.Equal(0, await next.Outbox.DrainAsync(time.GetUtcNow()));
        Assert.Empty(await next.Store.PendingOutboxAsync(10));
    }

    [Fact]
    public async Task A_chase_is_committed_like_a_turn_and_survives_a_restart()
    {
        using var db = new TempSqlite();
        var time = new ManualTime(ChatHarness.Start);
        var trainee = new Trainee(time);
        await using (var first = new BotInstance(db.Options, time))
        {
            await first.SendAsync(trainee.Says(Script.Start));
            time.Advance(TimeSpan.FromSeconds(50));
            Assert.Equal(1, await first.Chaser.TickAsync(time.GetUtcNow()));
        }

        var sender = new RecordingChannelSender();
        await using var second = new BotInstance(db.Options, time, sender);
        Assert.Equal(0, await second.Chaser.TickAsync(time.GetUtcNow()));   // that chaser was already said
        await second.SendAsync(trainee.Says(Script.Replies[0]));
        Assert.Contains("客户催了 1 次", Sent.CardText(Sent.Cards(sender.Sent.Select(s => s.Activity)).Single()));
    }

    /// <summary>A channel that is down: every send fails.</summary>
    private sealed class DeadChannel : IChannelSender
    {
        public Task<string> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default) =>
            activity.Type == ActivityTypes.Typing ? Task.FromResult("") : throw new HttpRequestException("connector unreachable");

        public Task UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
            Task.CompletedTask;
    }
}
