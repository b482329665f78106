using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Tests.Conversations;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Tests.Persistence;

/// <summary>
/// Two bot instances on one PostgreSQL database, as behind a load balancer: whichever gets a message continues the
/// same session, a message delivered to both makes one turn, and racing messages both land, in order.
/// </summary>
public sealed class TwoInstanceTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private readonly ManualTime _time = new(ChatHarness.Start);
    private readonly RecordingChannelSender _senderA = new();
    private readonly RecordingChannelSender _senderB = new();
    private BotInstance _a = null!;
    private BotInstance _b = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _a = new BotInstance(_database.Options, _time, _senderA);
        _b = new BotInstance(_database.Options, _time, _senderB);
    }

    public async Task DisposeAsync()
    {
        if (_a is not null)
        {
            await _a.DisposeAsync();
            await _b.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Messages_handled_alternately_by_two_instances_make_one_coherent_session()
    {
        var trainee = new Trainee(_time);
        var bots = new[] { _a, _b };
        await _a.SendAsync(trainee.Says(Script.Start));
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(20));
            await bots[(i + 1) % 2].SendAsync(trainee.Says(Script.Replies[i]));
        }

        var session = Assert.Single(await _a.Store.SessionsAsync(new SessionQuery()));
        var turns = await _b.Store.TurnsAsync(session.Id);
        Assert.Equal([1, 2, 3], turns.Select(t => t.Index));
        Assert.Equal(Script.Replies[..3], turns.Select(t => t.TraineeText));
        for (var i = 1; i < turns.Count; i++)
        {
            Assert.Equal(turns[i - 1].CustomerReply, turns[i].CustomerText);
            Assert.Equal((turns[i - 1].AngerAfter, turns[i - 1].PatienceAfter), (turns[i].AngerBefore, turns[i].PatienceBefore));
        }

        Assert.NotEmpty(Sent.Cards(_senderA.Sent.Select(s => s.Activity)));
        Assert.NotEmpty(Sent.Cards(_senderB.Sent.Select(s => s.Activity)));
    }

    [Fact]
    public async Task The_same_activity_delivered_to_both_instances_at_once_makes_exactly_one_turn()
    {
        var trainee = new Trainee(_time);
        await _a.SendAsync(trainee.Says(Script.Start));
        _time.Advance(TimeSpan.FromSeconds(20));
        var markA = _senderA.Sent.Count;
        var reply = trainee.Says(Script.Replies[0]);

        await Task.WhenAll(Task.Run(() => _a.SendAsync(reply)), Task.Run(() => _b.SendAsync(reply)));

        var session = Assert.Single(await _a.Store.SessionsAsync(new SessionQuery()));
        Assert.Single(await _a.Store.TurnsAsync(session.Id));
        var replies = _senderA.Sent.Skip(markA).Concat(_senderB.Sent).Select(s => s.Activity).ToList();
        Assert.Single(Sent.Cards(replies));   // one feedback card, from whichever instance won
        Assert.Single(Sent.Texts(replies), t => t.StartsWith("**敏感肌的林女士**", StringComparison.Ordinal));   // one customer answer
    }

    [Fact]
    public async Task Different_messages_racing_on_two_instances_are_both_recorded_in_order_with_no_lost_update()
    {
        var trainee = new Trainee(_time);
        await _a.SendAsync(trainee.Says(Script.Start));
        _time.Advance(TimeSpan.FromSeconds(20));
        var first = trainee.Says(Script.Replies[0]);
        var second = trainee.Says(Script.Replies[1]);

        await Task.WhenAll(Task.Run(() => _a.SendAsync(first)), Task.Run(() => _b.SendAsync(second)));

        var session = Assert.Single(await _a.Store.SessionsAsync(new SessionQuery()));
        var turns = await _a.Store.TurnsAsync(session.Id);
        Assert.Equal([1, 2], turns.Select(t => t.Index));
        Assert.Equal(new[] { Script.Replies[0], Script.Replies[1] }.Order(), turns.Select(t => t.TraineeText).Order());
        Assert.Equal(turns[0].CustomerReply, turns[1].CustomerText);
        Assert.Equal(2, session.TurnCount);
        Assert.True(await _a.Store.IsProcessedAsync(trainee.Key, first.Id!));
        Assert.True(await _b.Store.IsProcessedAsync(trainee.Key, second.Id!));
        Assert.Equal(2, Sent.Cards(_senderA.Sent.Concat(_senderB.Sent).Select(s => s.Activity)).Count);

        // The stored state agrees: the next reply is turn 3.
        _time.Advance(TimeSpan.FromSeconds(20));
        await _b.SendAsync(trainee.Says(Script.Replies[2]));
        Assert.Equal([1, 2, 3], (await _a.Store.TurnsAsync(session.Id)).Select(t => t.Index));
    }

    [Fact]
    public async Task A_chase_racing_a_reply_on_the_other_instance_gives_way()
    {
        var trainee = new Trainee(_time);
        await _a.SendAsync(trainee.Says(Script.Start));
        _time.Advance(TimeSpan.FromSeconds(50));

        var chased = Task.Run(() => _b.Chaser.TickAsync(_time.GetUtcNow()));
        var replied = Task.Run(() => _a.SendAsync(trainee.Says(Script.Replies[0])));
        await Task.WhenAll(chased, replied);

        var session = Assert.Single(await _a.Store.SessionsAsync(new SessionQuery()));
        var turn = Assert.Single(await _a.Store.TurnsAsync(session.Id));
        var chasersSent = Sent.Texts(_senderB.Sent.Select(s => s.Activity)).Count;
        Assert.Equal(await chased, chasersSent);
        Assert.Equal(0, await _b.Chaser.TickAsync(_time.GetUtcNow()));   // the reply reset the clock
        Assert.NotNull(turn.CustomerReply);
    }

    [Fact]
    public async Task A_trainee_gets_one_rate_limit_allowance_across_both_instances_and_one_notice()
    {
        var limits = new Dictionary<string, string?> { ["RateLimits:PerUserPerMinute"] = "3" };
        var senderC = new RecordingChannelSender();
        var senderD = new RecordingChannelSender();
        await using var c = new BotInstance(_database.Options, _time, senderC, settings: limits);
        await using var d = new BotInstance(_database.Options, _time, senderD, settings: limits);
        var trainee = new Trainee(_time);

        await c.SendAsync(trainee.Says(Script.Start));
        await d.SendAsync(trainee.Says(Script.Replies[0]));
        await c.SendAsync(trainee.Says(Script.Replies[1]));   // three messages, the minute's allowance, over both instances
        var (sentC, sentD) = (senderC.Sent.Count, senderD.Sent.Count);
        for (var i = 0; i < 6; i++)
        {
            await (i % 2 == 0 ? d : c).SendAsync(trainee.Says(Script.Replies[2] + i));   // a paste loop spread over both
        }

        var pasted = senderC.Sent.Skip(sentC).Concat(senderD.Sent.Skip(sentD)).Select(s => s.Activity).ToList();
        var session = Assert.Single(await c.Store.SessionsAsync(new SessionQuery()));
        Assert.Equal(2, (await d.Store.TurnsAsync(session.Id)).Count);
        Assert.Contains("20 秒后再发送", Assert.Single(Sent.Texts(pasted)));
        Assert.Empty(Sent.Cards(pasted));

        _time.Advance(TimeSpan.FromSeconds(20));
        await d.SendAsync(trainee.Says(Script.Replies[2]));
        Assert.Equal(3, (await c.Store.TurnsAsync(session.Id)).Count);

        // Idle a minute, the shared buckets are forgotten by the storage sweep.
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, (await c.Pruner.SweepAsync()).RateBuckets);   // the trainee's and the conversation's
    }
}
