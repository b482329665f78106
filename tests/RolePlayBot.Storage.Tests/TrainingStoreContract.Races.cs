using System.Text.Json;
using static RolePlayBot.Storage.Tests.Samples;

namespace RolePlayBot.Storage.Tests;

public abstract partial class TrainingStoreContract
{
    private const int Writers = 20;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Of_writers_racing_from_the_same_version_exactly_one_wins(long from)
    {
        var store = await MigratedStoreAsync();
        var other = await MigratedStoreAsync();
        if (from == 1)
        {
            await store.CommitAsync(Commit("c1", 0, "start"));
        }

        var attempts = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            var writer = i % 2 == 0 ? store : other;
            try
            {
                await writer.CommitAsync(Commit("c1", from, $"a{i}", state: $$"""{"writer":{{i}}}""",
                    session: Session($"s{i}"), turns: [Turn($"s{i}", 0)], outbox: [Reply($"w{i}")]));
                return i;
            }
            catch (ConcurrencyConflictException)
            {
                return -1;
            }
        })).ToList();
        var winners = (await Task.WhenAll(attempts)).Where(i => i >= 0).ToList();

        var winner = Assert.Single(winners);
        var stored = await store.FindConversationAsync("c1");
        Assert.Equal((from + 1, $$"""{"writer":{{winner}}}"""), (stored!.Version, stored.StateJson));
        Assert.Equal([$"s{winner}"], (await store.SessionsAsync(new SessionQuery())).Select(s => s.Id));
        Assert.Single(await store.PendingOutboxAsync(100));
        foreach (var i in Enumerable.Range(0, Writers))
        {
            Assert.Equal(i == winner, await store.IsProcessedAsync("c1", $"a{i}"));
            Assert.Equal(i == winner ? 1 : 0, (await store.TurnsAsync($"s{i}")).Count);
        }
    }

    [Fact]
    public async Task Writers_that_reload_and_retry_lose_no_update()
    {
        var instances = new[] { await MigratedStoreAsync(), await MigratedStoreAsync() };

        var workers = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            var store = instances[i % instances.Length];
            for (var attempt = 1; ; attempt++)
            {
                var current = await store.FindConversationAsync("counter");
                var count = current is null ? 0 : JsonDocument.Parse(current.StateJson).RootElement.GetProperty("count").GetInt32();
                try
                {
                    return await store.CommitAsync(Commit("counter", current?.Version ?? 0, $"a{i}", state: $$"""{"count":{{count + 1}}}"""));
                }
                catch (ConcurrencyConflictException) when (attempt < 1000)
                {
                }
            }
        })).ToList();
        var versions = await Task.WhenAll(workers);

        Assert.Equal(Enumerable.Range(1, Writers).Select(v => (long)v), versions.Order());
        var stored = await instances[0].FindConversationAsync("counter");
        Assert.Equal((Writers, $$"""{"count":{{Writers}}}"""), (stored!.Version, stored.StateJson));
        foreach (var i in Enumerable.Range(0, Writers))
        {
            Assert.True(await instances[1].IsProcessedAsync("counter", $"a{i}"));
        }
    }

    [Fact]
    public async Task Concurrent_commits_that_fail_take_nothing_of_the_others_with_them()
    {
        var store = await MigratedStoreAsync();
        await store.CommitAsync(Commit("dup", 0, "a1"));
        await store.CommitAsync(Commit("stale", 0, "a1"));
        await store.CommitAsync(Commit("stale", 1, "a2"));

        // Good commits, duplicates and stale versions all at once, as a class's turns arrive together; the store may
        // commit them in one group, but each stands or falls alone.
        var commits = Enumerable.Range(0, 3 * Writers).Select(i => Task.Run(async () =>
        {
            var commit = (i % 3) switch
            {
                0 => Commit($"good{i}", 0, "a1", session: Session($"s{i}", $"good{i}"), turns: [Turn($"s{i}", 0)], outbox: [Reply($"好{i}")]),
                1 => Commit("dup", 1, "a1", state: "{}", session: Session($"s{i}", "dup"), outbox: [Reply($"重{i}")]),
                _ => Commit("stale", 1, $"b{i}", state: "{}", session: Session($"s{i}", "stale"), outbox: [Reply($"旧{i}")]),
            };
            try
            {
                var committed = await store.CommitTurnAsync(commit);
                await store.MarkSentAsync(committed.OutboxIds!);
                return "ok";
            }
            catch (DuplicateActivityException)
            {
                return "duplicate";
            }
            catch (ConcurrencyConflictException)
            {
                return "conflict";
            }
        })).ToList();
        var results = await Task.WhenAll(commits);

        Assert.Equal(Enumerable.Range(0, 3 * Writers).Select(i => (i % 3) switch { 0 => "ok", 1 => "duplicate", _ => "conflict" }), results);
        Assert.Empty(await store.PendingOutboxAsync(100));
        Assert.Equal(
            Enumerable.Range(0, Writers).Select(i => $"s{3 * i}").Order(StringComparer.Ordinal),
            (await store.SessionsAsync(new SessionQuery())).Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Equal((1, """{"step":1}"""), ((await store.FindConversationAsync("dup"))!.Version, (await store.FindConversationAsync("dup"))!.StateJson));
        Assert.Equal(2, (await store.FindConversationAsync("stale"))!.Version);
        foreach (var i in Enumerable.Range(0, Writers).Select(i => 3 * i))
        {
            Assert.Equal(1, (await store.FindConversationAsync($"good{i}"))!.Version);
            Assert.Single(await store.TurnsAsync($"s{i}"));
            Assert.False(await store.IsProcessedAsync("stale", $"b{i + 2}"));
        }
    }
}
