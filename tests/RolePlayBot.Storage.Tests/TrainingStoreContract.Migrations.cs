using static RolePlayBot.Storage.Tests.Samples;

namespace RolePlayBot.Storage.Tests;

public abstract partial class TrainingStoreContract
{
    [Fact]
    public async Task Migrating_twice_applies_each_migration_once_and_keeps_the_data()
    {
        var store = await MigratedStoreAsync();
        await store.CommitAsync(Commit("c1", 0, "a1", session: Session()));

        await store.MigrateAsync();

        Assert.Equal(Migrations, await store.AppliedMigrationsAsync());
        Assert.Equal(1, (await store.FindConversationAsync("c1"))!.Version);
        Assert.NotNull(await store.SessionAsync("s1"));
    }

    [Fact]
    public async Task Instances_migrating_at_once_apply_each_migration_once()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => NewStore()).ToList();

        await Task.WhenAll(instances.Select(store => Task.Run(() => store.MigrateAsync())));

        Assert.Equal(Migrations, await instances[0].AppliedMigrationsAsync());
        Assert.Equal(1, await instances[3].CommitAsync(Commit("c1", 0, "a1")));
    }

    [Fact]
    public async Task Another_instance_sees_everything_committed()
    {
        var first = await MigratedStoreAsync();
        var session = Session();
        await first.CommitAsync(Commit("c1", 0, "a1", session: session, turns: [Turn("s1", 0)], outbox: [Reply("你好")]));
        await first.DisposeAsync();

        var restarted = await MigratedStoreAsync();

        Assert.Equal(1, (await restarted.FindConversationAsync("c1"))!.Version);
        Assert.True(await restarted.IsProcessedAsync("c1", "a1"));
        Assert.Equal(session, await restarted.SessionAsync("s1"));
        Assert.Equal([Turn("s1", 0)], await restarted.TurnsAsync("s1"));
        Assert.Single(await restarted.PendingOutboxAsync(10));
        Assert.Equal([new RunningConversation("c1", 1)], await restarted.RunningConversationsAsync());
        Assert.Equal(2, await restarted.CommitAsync(Commit("c1", 1, "a2")));
    }

    [Fact]
    public async Task A_cancelled_token_is_honoured()
    {
        var store = await MigratedStoreAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.CommitAsync(Commit("c1", 0, "a1"), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.FindConversationAsync("c1", cancelled.Token));
        Assert.Null(await store.FindConversationAsync("c1"));
    }
}
