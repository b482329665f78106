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
}
