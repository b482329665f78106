using static RolePlayBot.Storage.Tests.Samples;

namespace RolePlayBot.Storage.Tests;

public abstract partial class TrainingStoreContract
{
    [Fact]
    public async Task Turns_round_trip_every_field_in_index_order()
    {
        var store = await MigratedStoreAsync();
        var turns = Enumerable.Range(0, 3).Select(i => Turn("s1", i)).ToList();
        var eastern = turns[2] with
        {
            CustomerAt = turns[2].CustomerAt.ToOffset(TimeSpan.FromHours(8)),
            RepliedAt = turns[2].RepliedAt.ToOffset(TimeSpan.FromHours(8)),
            ReplySeconds = 0.1 + 0.2,
            ObservationsJson = "[]",
            Critique = "",
            SuggestedReply = "换行\n和\"引号\"、'单引号'、\\反斜杠 🎉",
        };
        await store.CommitAsync(Commit("c1", 0, "a1", session: Session(), turns: [turns[1], turns[0]]));
        await store.CommitAsync(Commit("c1", 1, "a2", turns: [eastern]));

        var read = await store.TurnsAsync("s1");

        Assert.Equal([turns[0], turns[1], eastern], read);
        Assert.Equal(0.1 + 0.2, read[2].ReplySeconds);
        Assert.All(read, turn => Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (turn.CustomerAt.Offset, turn.RepliedAt.Offset)));
        Assert.Empty(await store.TurnsAsync("s-unknown"));
    }

    [Fact]
    public async Task The_session_upsert_fills_in_scores_and_outcome_at_the_end()
    {
        var store = await MigratedStoreAsync();
        var started = Session(started: T0.ToOffset(TimeSpan.FromHours(8)));
        await store.CommitAsync(Commit("c1", 0, "a1", session: started));
        Assert.Equal(started, await store.SessionAsync("s1"));
        Assert.Equal(TimeSpan.Zero, (await store.SessionAsync("s1"))!.StartedAt.Offset);

        var ended = Ended(started, 2) with { TraineeName = "王小明 (店长)" };
        await store.CommitAsync(Commit("c1", 1, "a2", running: false, session: ended, turns: [Turn("s1", 0), Turn("s1", 1)]));

        var read = await store.SessionAsync("s1");
        Assert.Equal(ended, read);
        Assert.Equal(TimeSpan.Zero, read!.EndedAt!.Value.Offset);
        Assert.Null(await store.SessionAsync("s-unknown"));
    }
}
