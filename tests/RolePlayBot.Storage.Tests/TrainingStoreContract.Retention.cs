using RolePlayBot.Storage.Ado;
using static RolePlayBot.Storage.Tests.Samples;

namespace RolePlayBot.Storage.Tests;

public abstract partial class TrainingStoreContract
{
    [Fact]
    public async Task Pruning_deletes_sent_replies_and_handled_ids_past_retention_and_nothing_else()
    {
        var store = await MigratedStoreAsync();
        var session = Session();
        var old = await store.CommitTurnAsync(Commit("c1", 0, "a1", session: session, turns: [Turn("s1", 0)],
            outbox: [Reply("旧·已发"), Reply("旧·未发")], at: T0));
        var recent = await store.CommitTurnAsync(Commit("c1", 1, "a2", session: Ended(session, 2), turns: [Turn("s1", 1)],
            outbox: [Reply("新·已发")], at: T0.AddHours(3)));
        await store.MarkSentAsync([old.OutboxIds![0], recent.OutboxIds![0]]);

        var pruned = await store.PruneAsync(T0.AddHours(2));

        Assert.Equal(new PrunedRows(1, 1), pruned);
        Assert.False(await store.IsProcessedAsync("c1", "a1"));
        Assert.True(await store.IsProcessedAsync("c1", "a2"));
        // The unsent old reply stays for the drainer; the records trainers read are never pruned.
        Assert.Equal([old.OutboxIds[1]], (await store.PendingOutboxAsync(10)).Select(i => i.Id));
        Assert.Equal(2, (await store.FindConversationAsync("c1"))!.Version);
        Assert.Equal(Ended(session, 2), await store.SessionAsync("s1"));
        Assert.Equal([Turn("s1", 0), Turn("s1", 1)], await store.TurnsAsync("s1"));
        Assert.Equal(new PrunedRows(0, 0), await store.PruneAsync(T0.AddHours(2)));
        Assert.Equal(new PrunedRows(1, 1), await store.PruneAsync(T0.AddHours(4)));
    }

    [Fact]
    public async Task Pruning_a_backlog_larger_than_one_delete_takes_all_of_it()
    {
        var store = await MigratedStoreAsync();
        var count = AdoTrainingStore.PruneChunk + 30;
        var outbox = Enumerable.Range(0, count).Select(i => Reply($"第{i}条")).ToList();
        var committed = await store.CommitTurnAsync(Commit("big", 0, "a0", outbox: outbox));
        await store.MarkSentAsync(committed.OutboxIds!);
        foreach (var chunk in Enumerable.Range(1, count - 1).Chunk(50))
        {
            await Task.WhenAll(chunk.Select(i => store.CommitAsync(Commit($"c{i}", 0, $"a{i}"))));
        }

        Assert.Equal(new PrunedRows(count, count), await store.PruneAsync(T0.AddSeconds(1)));
        Assert.False(await store.IsProcessedAsync("big", "a0"));
        Assert.False(await store.IsProcessedAsync($"c{count - 1}", $"a{count - 1}"));
        Assert.Equal(1, (await store.FindConversationAsync($"c{count - 1}"))!.Version);
    }
}
