using static RolePlayBot.Storage.Tests.Samples;

namespace RolePlayBot.Storage.Tests;

public abstract partial class TrainingStoreContract
{
    [Fact]
    public async Task The_first_commit_creates_version_1_and_the_next_makes_2()
    {
        var store = await MigratedStoreAsync();
        Assert.Null(await store.FindConversationAsync("c1"));

        Assert.Equal(1, await store.CommitAsync(Commit("c1", 0, "a1", state: """{"step":1,"说":"你好"}""")));
        var first = await store.FindConversationAsync("c1");
        Assert.Equal(new StoredConversation("c1", """{"step":1,"说":"你好"}""", 1, true, T0), first);
        Assert.Equal(TimeSpan.Zero, first!.UpdatedAt.Offset);

        var later = T0.AddMinutes(1).ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(2, await store.CommitAsync(Commit("c1", 1, "a2", state: """{"step":2}""", running: false, at: later)));
        var second = await store.FindConversationAsync("c1");
        Assert.Equal(new StoredConversation("c1", """{"step":2}""", 2, false, later), second);
        Assert.Equal(TimeSpan.Zero, second!.UpdatedAt.Offset);
    }

    [Fact]
    public async Task A_stale_version_conflicts_and_writes_nothing()
    {
        var store = await MigratedStoreAsync();
        var session = Session();
        await store.CommitAsync(Commit("c1", 0, "a1", session: session, turns: [Turn("s1", 0)], outbox: [Reply("一")]));

        foreach (var stale in new long[] { 0, 2, 7 })
        {
            var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(Commit(
                "c1", stale, $"stale{stale}", state: "{}", running: false, session: Ended(session, 2),
                turns: [Turn("s1", 1)], outbox: [Reply("二")])));
            Assert.Equal("c1", conflict.ConversationKey);
            Assert.False(await store.IsProcessedAsync("c1", $"stale{stale}"));
        }

        await AssertOnlyTheFirstCommitAsync(store, session);
    }

    [Fact]
    public async Task The_same_activity_twice_is_a_duplicate_and_writes_nothing()
    {
        var store = await MigratedStoreAsync();
        var session = Session();
        await store.CommitAsync(Commit("c1", 0, "a1", session: session, turns: [Turn("s1", 0)], outbox: [Reply("一")]));

        var duplicate = await Assert.ThrowsAsync<DuplicateActivityException>(() => store.CommitAsync(Commit(
            "c1", 1, "a1", state: "{}", running: false, session: Ended(session, 2), turns: [Turn("s1", 1)], outbox: [Reply("二")])));

        Assert.Equal(("c1", "a1"), (duplicate.ConversationKey, duplicate.ActivityId));
        await AssertOnlyTheFirstCommitAsync(store, session);
    }

    [Fact]
    public async Task A_redelivery_with_a_stale_version_is_reported_as_a_duplicate()
    {
        var store = await MigratedStoreAsync();
        await store.CommitAsync(Commit("c1", 0, "a1"));
        await store.CommitAsync(Commit("c1", 1, "a2"));

        await Assert.ThrowsAsync<DuplicateActivityException>(() => store.CommitAsync(Commit("c1", 1, "a1")));
        Assert.Equal(2, (await store.FindConversationAsync("c1"))!.Version);
    }

    [Fact]
    public async Task Handled_activities_are_per_conversation_and_work_without_one_needs_no_id()
    {
        var store = await MigratedStoreAsync();
        Assert.False(await store.IsProcessedAsync("c1", "a1"));

        await store.CommitAsync(Commit("c1", 0, "a1"));
        await store.CommitAsync(Commit("c1", 1, activity: null));
        await store.CommitAsync(Commit("c2", 0, "a1"));

        Assert.True(await store.IsProcessedAsync("c1", "a1"));
        Assert.True(await store.IsProcessedAsync("c2", "a1"));
        Assert.False(await store.IsProcessedAsync("c1", "a2"));
        Assert.False(await store.IsProcessedAsync("c3", "a1"));
        Assert.Equal(2, (await store.FindConversationAsync("c1"))!.Version);
    }

    [Fact]
    public async Task A_turn_reads_its_conversation_and_whether_its_activity_was_handled_at_once()
    {
        var store = await MigratedStoreAsync();
        Assert.Equal(new ConversationForTurn(null, false), await store.FindForTurnAsync("c1", "a1"));
        Assert.Equal(new ConversationForTurn(null, false), await store.FindForTurnAsync("c1", null));

        await store.CommitAsync(Commit("c1", 0, "a1", state: """{"说":"你好 😊"}"""));
        await store.CommitAsync(Commit("c2", 0, "a2"));

        var stored = new StoredConversation("c1", """{"说":"你好 😊"}""", 1, true, T0);
        Assert.Equal(new ConversationForTurn(stored, true), await store.FindForTurnAsync("c1", "a1"));
        Assert.Equal(new ConversationForTurn(stored, false), await store.FindForTurnAsync("c1", "a2"));
        Assert.Equal(new ConversationForTurn(stored, false), await store.FindForTurnAsync("c1", null));
        Assert.Equal(new ConversationForTurn(null, false), await store.FindForTurnAsync("c3", "a2"));
    }

    [Fact]
    public async Task A_turn_holding_the_current_version_is_told_so_without_the_state_and_a_moved_version_reads_it_whole()
    {
        var store = await MigratedStoreAsync();
        Assert.Equal(new ConversationForTurn(null, false), await store.FindForTurnAsync("c1", "a1", knownVersion: 1));

        await store.CommitAsync(Commit("c1", 0, "a1", state: """{"step":1}"""));
        Assert.Equal(new ConversationForTurn(null, false, Unchanged: 1), await store.FindForTurnAsync("c1", "a2", knownVersion: 1));
        Assert.Equal(new ConversationForTurn(null, true, Unchanged: 1), await store.FindForTurnAsync("c1", "a1", knownVersion: 1));

        // Another writer (an instance, a chaser) moved it on: the holder's copy is stale and the whole state comes back.
        await store.CommitAsync(Commit("c1", 1, "a2", state: """{"step":2}"""));
        var stored = new StoredConversation("c1", """{"step":2}""", 2, true, T0);
        Assert.Equal(new ConversationForTurn(stored, false), await store.FindForTurnAsync("c1", "a3", knownVersion: 1));
        Assert.Equal(new ConversationForTurn(stored, false), await store.FindForTurnAsync("c1", "a3", knownVersion: -1));
    }

    [Fact]
    public async Task The_outbox_gives_pending_replies_oldest_first_until_marked_sent()
    {
        var store = await MigratedStoreAsync();
        await store.CommitAsync(Commit("c1", 0, "a1", outbox: [Reply("一"), Reply("二 😊")]));
        await store.CommitAsync(Commit("c2", 0, "a1", outbox: [Reply("三")], at: T0.AddSeconds(5)));

        var pending = await store.PendingOutboxAsync(10);
        Assert.Equal(["一", "二 😊", "三"], pending.Select(item => Text(item.ActivityJson)));
        Assert.Equal(["c1", "c1", "c2"], pending.Select(item => item.ConversationKey));
        Assert.Equal([T0, T0, T0.AddSeconds(5)], pending.Select(item => item.CreatedAt));
        Assert.All(pending, item => Assert.Equal(Reply("一").ReferenceJson, item.ReferenceJson));
        Assert.Equal(pending.Take(2), await store.PendingOutboxAsync(2));

        await store.MarkSentAsync(pending[0].Id);
        await store.MarkSentAsync(pending[0].Id);
        await store.MarkSentAsync(pending[2].Id);

        Assert.Equal([pending[1]], await store.PendingOutboxAsync(10));
    }

    [Fact]
    public async Task A_commit_tells_its_outbox_rows_so_the_turn_can_mark_them_sent_in_one_write()
    {
        var store = await MigratedStoreAsync();
        await store.CommitAsync(Commit("c0", 0, "a1", outbox: [Reply("早")]));
        var committed = await store.CommitTurnAsync(Commit("c1", 0, "a1", outbox: [Reply("一"), Reply("二"), Reply("三")]));

        Assert.Equal(1, committed.Version);
        var pending = await store.PendingOutboxAsync(10);
        Assert.Equal(pending.Where(i => i.ConversationKey == "c1").Select(i => i.Id), committed.OutboxIds);

        await store.MarkSentAsync([committed.OutboxIds![0], committed.OutboxIds[1]]);
        await store.MarkSentAsync([committed.OutboxIds[0]]);
        await store.MarkSentAsync(Array.Empty<long>());

        Assert.Equal(["早", "三"], (await store.PendingOutboxAsync(10)).Select(item => Text(item.ActivityJson)));
    }

    [Fact]
    public async Task A_commit_that_fails_tells_no_outbox_rows_and_leaves_none()
    {
        var store = await MigratedStoreAsync();
        await store.CommitTurnAsync(Commit("c1", 0, "a1"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitTurnAsync(Commit("c1", 0, "a2", outbox: [Reply("一")])));

        Assert.Empty(await store.PendingOutboxAsync(10));
    }

    [Fact]
    public async Task Running_conversations_are_those_whose_last_commit_said_running_with_their_versions()
    {
        var store = await MigratedStoreAsync();
        await store.CommitAsync(Commit("c1", 0, "a1", running: true));
        await store.CommitAsync(Commit("c2", 0, "a1", running: false));
        await store.CommitAsync(Commit("c3", 0, "a1", running: true));
        await store.CommitAsync(Commit("c3", 1, "a2", running: false));
        await store.CommitAsync(Commit("c4", 0, "a1", running: false));
        await store.CommitAsync(Commit("c4", 1, "a2", running: true));

        Assert.Equal([new RunningConversation("c1", 1), new RunningConversation("c4", 2)], await store.RunningConversationsAsync());
    }

    [Fact]
    public async Task A_sessions_later_commits_update_its_progress_and_keep_who_practised_which_customer_since_when()
    {
        var store = await MigratedStoreAsync();
        var session = Session();
        await store.CommitAsync(Commit("c1", 0, "a1", session: session, turns: [Turn("s1", 0)]));

        // The trainee renamed themselves meanwhile; a later record can only restate the session's identity.
        var ended = Ended(session, turns: 2) with { TraineeName = "王晓明", TraineeId = "t-other", PersonaId = "late-gift", StartedAt = T0.AddHours(1) };
        await store.CommitAsync(Commit("c1", 1, "a2", running: false, session: ended, turns: [Turn("s1", 1)]));

        var stored = await store.SessionAsync("s1");
        Assert.Equal(Ended(session, turns: 2) with { TraineeName = "王晓明" }, stored);
        Assert.Equal(["s1"], (await store.SessionsAsync(new SessionQuery(TraineeId: "t1"))).Select(s => s.Id));
        Assert.Empty(await store.SessionsAsync(new SessionQuery(TraineeId: "t-other")));
        Assert.Empty(await store.RunningConversationsAsync());
    }

    [Fact]
    public async Task A_turn_keeps_who_judged_it_and_turns_stored_without_it_read_back_without_it()
    {
        var store = await MigratedStoreAsync();
        var judgedByRules = Turn("s1", 1) with { CustomerSource = "fallback", JudgeSource = "fallback" };
        await store.CommitAsync(Commit("c1", 0, "a1", session: Session(), turns: [Turn("s1", 0), judgedByRules]));

        Assert.Equal([Turn("s1", 0), judgedByRules], await store.TurnsAsync("s1"));
        Assert.Null((await store.TurnsAsync("s1"))[0].JudgeSource);
    }

    private static async Task AssertOnlyTheFirstCommitAsync(ITrainingStore store, SessionRecord session)
    {
        Assert.Equal(new StoredConversation("c1", """{"step":1}""", 1, true, T0), await store.FindConversationAsync("c1"));
        Assert.Equal(session, await store.SessionAsync("s1"));
        Assert.Equal([Turn("s1", 0)], await store.TurnsAsync("s1"));
        Assert.Equal(["一"], (await store.PendingOutboxAsync(10)).Select(item => Text(item.ActivityJson)));
        Assert.Equal([new RunningConversation("c1", 1)], await store.RunningConversationsAsync());
    }

    private static string Text(string activityJson) =>
        System.Text.Json.JsonDocument.Parse(activityJson).RootElement.GetProperty("text").GetString()!;
}
