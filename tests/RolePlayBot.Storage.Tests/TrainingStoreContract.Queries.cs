using static RolePlayBot.Storage.Tests.Samples;

namespace RolePlayBot.Storage.Tests;

public abstract partial class TrainingStoreContract
{
    [Fact]
    public async Task Sessions_are_filtered_by_trainee_persona_and_dates_newest_first()
    {
        var store = await MigratedStoreAsync();
        var sessions = new[]
        {
            Session("s1", "c1", "t1", "allergy", T0),
            Session("s2", "c1", "t1", "late-parcel", T0.AddDays(1)),
            Session("s3", "c2", "t2", "allergy", T0.AddDays(2)),
            Session("s4", "c2", "t2", "allergy", T0.AddDays(3)),
            Session("s5", "c3", "t3", "refund", T0.AddDays(4)),
        };
        await CommitSessionsAsync(store, sessions);

        async Task<string[]> Ids(SessionQuery query) => [.. (await store.SessionsAsync(query)).Select(s => s.Id)];

        Assert.Equal(["s5", "s4", "s3", "s2", "s1"], await Ids(new SessionQuery()));
        Assert.Equal(["s2", "s1"], await Ids(new SessionQuery(TraineeId: "t1")));
        Assert.Equal(["s4", "s3", "s1"], await Ids(new SessionQuery(PersonaId: "allergy")));
        Assert.Equal(["s4", "s3"], await Ids(new SessionQuery(TraineeId: "t2", PersonaId: "allergy")));
        Assert.Equal(["s3", "s2"], await Ids(new SessionQuery(From: T0.AddDays(1), To: T0.AddDays(3))));
        Assert.Equal(["s3", "s2"], await Ids(new SessionQuery(From: T0.AddDays(1).ToOffset(TimeSpan.FromHours(8)), To: T0.AddDays(3).ToOffset(TimeSpan.FromHours(-5)))));
        Assert.Equal(["s5", "s4"], await Ids(new SessionQuery(From: T0.AddDays(3))));
        Assert.Equal(["s1"], await Ids(new SessionQuery(To: T0.AddMilliseconds(1))));
        Assert.Equal(["s5", "s4"], await Ids(new SessionQuery(Limit: 2)));
        Assert.Empty(await Ids(new SessionQuery(TraineeId: "nobody")));
        Assert.Equal([sessions[3]], await store.SessionsAsync(new SessionQuery(TraineeId: "t2", Limit: 1)));
    }

    [Fact]
    public async Task Trainees_group_their_sessions_with_a_count_and_when_they_last_practised()
    {
        var store = await MigratedStoreAsync();
        Assert.Empty(await store.TraineesAsync());
        await CommitSessionsAsync(store,
        [
            Session("s1", "c1", "t1", "allergy", T0, "王小明"),
            Session("s2", "c1", "t1", "refund", T0.AddDays(2), "王小明 (店长)"),
            Session("s3", "c2", "t2", "allergy", T0.AddDays(1), "李娜"),
        ]);

        var trainees = await store.TraineesAsync();

        Assert.Equal(
            [new TraineeSummary("t1", "王小明 (店长)", 2, T0.AddDays(2)), new TraineeSummary("t2", "李娜", 1, T0.AddDays(1))],
            trainees);
        Assert.All(trainees, t => Assert.Equal(TimeSpan.Zero, t.LastPractisedAt.Offset));
    }

    private static async Task CommitSessionsAsync(ITrainingStore store, IEnumerable<SessionRecord> sessions)
    {
        var versions = new Dictionary<string, long>();
        foreach (var session in sessions)
        {
            var version = versions.GetValueOrDefault(session.ConversationKey);
            versions[session.ConversationKey] = await store.CommitAsync(
                Commit(session.ConversationKey, version, "start-" + session.Id, session: session));
        }
    }
}
