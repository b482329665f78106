using static RolePlayBot.Storage.Tests.Samples;

namespace RolePlayBot.Storage.Tests;

public abstract partial class TrainingStoreContract
{
    [Fact]
    public async Task Assignments_round_trip_and_are_listed_by_trainee_and_persona_soonest_due_first()
    {
        var store = await MigratedStoreAsync();
        var a1 = Assignment("a1", "t1", "allergy", due: T0.AddDays(7));
        var a2 = Assignment("a2", "t1", "refund", due: T0.AddDays(3)) with { PersonaLocale = null, TraineeName = "王小明 <店长>" };
        var a3 = Assignment("a3", "t2", "allergy", due: T0.AddDays(5));
        await store.CreateAssignmentsAsync([a1, a2, a3]);

        async Task<string[]> Ids(AssignmentQuery query) => [.. (await store.AssignmentsAsync(query)).Select(p => p.Assignment.Id)];

        Assert.Equal(["a2", "a3", "a1"], await Ids(new AssignmentQuery()));
        Assert.Equal(["a2", "a1"], await Ids(new AssignmentQuery(TraineeId: "t1")));
        Assert.Equal(["a3", "a1"], await Ids(new AssignmentQuery(PersonaId: "allergy")));
        Assert.Empty(await Ids(new AssignmentQuery(TraineeId: "nobody")));
        var read = (await store.AssignmentsAsync(new AssignmentQuery(TraineeId: "t1"))).Select(p => p.Assignment).ToList();
        Assert.Equal([a2, a1], read);
        Assert.All(read, a => Assert.Equal(TimeSpan.Zero, a.DueAt.Offset));
    }

    [Fact]
    public async Task Cancelling_closes_an_assignment_once_and_keeps_it_in_the_full_list()
    {
        var store = await MigratedStoreAsync();
        await store.CreateAssignmentsAsync([Assignment("a1", "t1", "allergy"), Assignment("a2", "t1", "refund")]);

        Assert.True(await store.CancelAssignmentAsync("a1"));
        Assert.False(await store.CancelAssignmentAsync("a1"));
        Assert.False(await store.CancelAssignmentAsync("no-such"));

        var all = await store.AssignmentsAsync(new AssignmentQuery(TraineeId: "t1"));
        var cancelled = all.Single(p => p.Assignment.Id == "a1");
        Assert.NotNull(cancelled.Assignment.CancelledAt);
        Assert.Equal(AssignmentStatus.Cancelled, cancelled.StatusAt(T0));
        Assert.Equal(["a2"], (await store.AssignmentsAsync(new AssignmentQuery(TraineeId: "t1", OpenOnly: true))).Select(p => p.Assignment.Id));
    }

    [Fact]
    public async Task Creating_assignments_is_all_or_nothing_and_refuses_a_pass_mark_outside_0_to_100()
    {
        var store = await MigratedStoreAsync();
        await store.CreateAssignmentsAsync([Assignment("a1", "t1", "allergy")]);

        await Assert.ThrowsAnyAsync<Exception>(() => store.CreateAssignmentsAsync([Assignment("a2", "t1", "refund"), Assignment("a1", "t2", "allergy")]));
        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateAssignmentsAsync([Assignment("a3", "t1", "refund") with { PassMark = 101 }]));

        Assert.Equal(["a1"], (await store.AssignmentsAsync(new AssignmentQuery())).Select(p => p.Assignment.Id));
    }

    [Fact]
    public async Task Progress_counts_the_trainees_finished_sessions_of_the_persona_since_assigned_and_passes_on_resolved_at_the_mark()
    {
        var store = await MigratedStoreAsync();
        var assigned = Assignment("a1", "t1", "allergy", created: T0.AddDays(1), due: T0.AddDays(5), passMark: 70);
        var untouched = Assignment("a2", "t2", "allergy", created: T0.AddDays(1), due: T0.AddDays(5), passMark: 70);
        await store.CreateAssignmentsAsync([assigned, untouched]);

        Assert.Equal(AssignmentStatus.NotStarted, (await One(store, "a1")).StatusAt(T0.AddDays(2)));

        await CommitSessionsAsync(store,
        [
            Finished(Session("s1", "c1", "t1", "allergy", T0), "resolved", 95),                 // before the assignment
            Finished(Session("s2", "c1", "t1", "refund", T0.AddDays(2)), "resolved", 95),       // another persona
            Finished(Session("s3", "c2", "t2", "allergy", T0.AddDays(2)), "resolved", 95) with { TraineeId = "t3" }, // another trainee
            Finished(Session("s4", "c1", "t1", "allergy", T0.AddDays(2)), "escalated", 90),     // high but not resolved
            Finished(Session("s5", "c1", "t1", "allergy", T0.AddDays(3)), "resolved", 69),      // resolved, below the mark
            Session("s6", "c1", "t1", "allergy", T0.AddDays(3).AddHours(1)),                     // still running
        ]);

        var attempted = await One(store, "a1");
        Assert.Equal((2, 90, false, (DateTimeOffset?)null), (attempted.Attempts, attempted.BestOverall, attempted.Passed, attempted.CompletedAt));
        Assert.Equal(AssignmentStatus.Attempted, attempted.StatusAt(T0.AddDays(4)));
        Assert.Equal(AssignmentStatus.Overdue, attempted.StatusAt(T0.AddDays(5)));
        Assert.True(attempted.IsOpen);

        var pass = Finished(Session("s7", "c3", "t1", "allergy", T0.AddDays(6)), "resolved", 70);
        await CommitSessionsAsync(store, [pass, Finished(Session("s8", "c3", "t1", "allergy", T0.AddDays(7)), "resolved", 88)]);

        var passed = await One(store, "a1");
        Assert.Equal((4, 90, true, pass.EndedAt), (passed.Attempts, passed.BestOverall, passed.Passed, passed.CompletedAt));
        Assert.Equal(AssignmentStatus.Passed, passed.StatusAt(T0.AddDays(30)));
        Assert.False(passed.IsOpen);
        Assert.Equal(["a2"], (await store.AssignmentsAsync(new AssignmentQuery(OpenOnly: true))).Select(p => p.Assignment.Id));
        Assert.Equal(0, (await One(store, "a2")).Attempts);
    }

    private static async Task<AssignmentProgress> One(ITrainingStore store, string id) =>
        (await store.AssignmentsAsync(new AssignmentQuery())).Single(p => p.Assignment.Id == id);

    private static SessionRecord Finished(SessionRecord session, string outcome, int overall) =>
        Ended(session, 3) with { Outcome = outcome, Overall = overall };

    private static AssignmentRecord Assignment(
        string id, string trainee, string persona, DateTimeOffset? created = null, DateTimeOffset? due = null, int passMark = 80) => new(
        id, "batch-1", trainee, "学员 " + trainee, persona, "zh-CN", passMark, due ?? T0.AddDays(7), created ?? T0, "trainer-1");
}
