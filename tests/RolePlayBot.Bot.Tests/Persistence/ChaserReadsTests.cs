using RolePlayBot.Bot.Tests.Conversations;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Tests.Persistence;

/// <summary>
/// The chaser's tick at a class's scale: a running session whose customer is not yet due is judged from the state
/// the bot already holds, not read and decoded again every few seconds; anything the bot does not hold at the stored
/// version is read as before, and nobody is chased late.
/// </summary>
public sealed class ChaserReadsTests
{
    private const int ChaseAfterSeconds = 45; // personas/allergy-complaint.zh-CN.md

    [Fact]
    public async Task A_tick_reads_no_state_while_no_customer_is_due_and_still_chases_every_one_on_time()
    {
        using var db = new TempSqlite();
        var time = new ManualTime(ChatHarness.Start);
        FailingStore? store = null;
        await using var bot = new BotInstance(db.Options, time, services: s => FailingStore.Around(s, made => store = made));
        var trainees = Enumerable.Range(0, 3).Select(_ => new Trainee(time)).ToList();
        foreach (var trainee in trainees)
        {
            await bot.SendAsync(trainee.Says(Script.Start));
        }

        Assert.Equal(3, (await bot.Store.RunningConversationsAsync()).Count);
        var reads = store!.ConversationReads;
        time.Advance(TimeSpan.FromSeconds(ChaseAfterSeconds - 1));
        Assert.Equal(0, await bot.Chaser.TickAsync(time.GetUtcNow()));
        Assert.Equal(reads, store.ConversationReads);

        var mark = ((RecordingChannelSender)bot.Sender).Sent.Count;
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, await bot.Chaser.TickAsync(time.GetUtcNow()));
        Assert.Equal(
            trainees.Select(t => t.ConversationId).Order(),
            ((RecordingChannelSender)bot.Sender).Sent.Skip(mark).Select(s => s.Reference.Conversation.Id!).Order());

        // Chased and committed: the next tick, with the second chase not yet due, reads nothing either.
        reads = store.ConversationReads;
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await bot.Chaser.TickAsync(time.GetUtcNow()));
        Assert.Equal(reads, store.ConversationReads);
    }

    [Fact]
    public async Task After_a_restart_a_tick_reads_each_session_once_and_keeps_it_for_the_next_ticks()
    {
        using var db = new TempSqlite();
        var time = new ManualTime(ChatHarness.Start);
        var trainee = new Trainee(time);
        await using (var first = new BotInstance(db.Options, time))
        {
            await first.SendAsync(trainee.Says(Script.Start));
        }

        FailingStore? store = null;
        await using var second = new BotInstance(db.Options, time, services: s => FailingStore.Around(s, made => store = made));
        time.Advance(TimeSpan.FromSeconds(10));
        var reads = store!.ConversationReads;
        Assert.Equal(0, await second.Chaser.TickAsync(time.GetUtcNow()));
        Assert.Equal(reads + 1, store.ConversationReads);
        Assert.Equal(0, await second.Chaser.TickAsync(time.GetUtcNow().AddSeconds(5)));
        Assert.Equal(reads + 1, store.ConversationReads);

        time.Advance(TimeSpan.FromSeconds(ChaseAfterSeconds - 10));
        Assert.Equal(1, await second.Chaser.TickAsync(time.GetUtcNow()));
    }

    [Fact]
    public async Task A_session_another_instance_changed_is_read_again_and_chased_from_its_new_state()
    {
        using var db = new TempSqlite();
        var time = new ManualTime(ChatHarness.Start);
        var trainee = new Trainee(time);
        FailingStore? store = null;
        // A cache with room for this one session only: the newer state read by the tick replaces the older copy.
        await using var watching = new BotInstance(db.Options, time, services: s => FailingStore.Around(s, made => store = made),
            settings: new Dictionary<string, string?> { ["Storage:SessionCacheSize"] = "1" });
        await using var other = new BotInstance(db.Options, time);
        await watching.SendAsync(trainee.Says(Script.Start));

        // The trainee's reply lands on the other instance: the customer's answer restarts the wait there.
        time.Advance(TimeSpan.FromSeconds(30));
        await other.SendAsync(trainee.Says(Script.Replies[0]));
        var reads = store!.ConversationReads;
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, await watching.Chaser.TickAsync(time.GetUtcNow()));
        Assert.Equal(reads + 1, store.ConversationReads);

        // Due counted from the customer's answer on the other instance, not from the opening this one saw; the state
        // read once is held now.
        time.Advance(TimeSpan.FromSeconds(ChaseAfterSeconds - 21));
        Assert.Equal(0, await watching.Chaser.TickAsync(time.GetUtcNow()));
        Assert.Equal(reads + 1, store.ConversationReads);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await watching.Chaser.TickAsync(time.GetUtcNow()));
    }

    [Fact]
    public async Task A_customer_another_instance_made_due_sooner_is_chased_when_due_not_when_the_old_state_said()
    {
        using var db = new TempSqlite();
        var time = new ManualTime(ChatHarness.Start);
        var trainee = new Trainee(time);
        await using var watching = new BotInstance(db.Options, time);
        await using var other = new BotInstance(db.Options, time);
        await watching.SendAsync(trainee.Says(Script.Start));

        // On the other instance the trainee ends it and starts a customer who chases after 30 s, not 45.
        time.Advance(TimeSpan.FromSeconds(10));
        await other.SendAsync(trainee.Says("end"));
        await other.SendAsync(trainee.Says("start bad-review-threat"));

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await watching.Chaser.TickAsync(time.GetUtcNow()));
    }
}
