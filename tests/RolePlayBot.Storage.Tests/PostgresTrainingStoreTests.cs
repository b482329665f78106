using Npgsql;
using RolePlayBot.Storage.Ado;
using RolePlayBot.Storage.Postgres;

namespace RolePlayBot.Storage.Tests;

/// <summary>
/// The contract on a real PostgreSQL server: <c>RPB_TEST_POSTGRES</c> names it (./test.sh starts a throwaway one), and
/// each test gets a database of its own, dropped afterwards. Without the variable these tests fail rather than skip.
/// </summary>
public sealed class PostgresTrainingStoreTests : TrainingStoreContract
{
    public const string Variable = "RPB_TEST_POSTGRES";

    private readonly string database = "rpb_test_" + Guid.NewGuid().ToString("N");
    private NpgsqlConnectionStringBuilder? server;

    protected override async Task CreateDatabaseAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL contract tests cannot run. Run ./test.sh, which starts a " +
                $"throwaway PostgreSQL server and sets it, or set {Variable} to a Npgsql connection string of a server " +
                "where the user may create databases, e.g. \"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\".");
        }

        server = new NpgsqlConnectionStringBuilder(connectionString);
        await AdminAsync($"CREATE DATABASE {database}");
    }

    protected override async Task DropDatabaseAsync()
    {
        if (server is not null)
        {
            await AdminAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    protected override IReadOnlyList<int> Migrations => [1, 2, 3, 4, 5, 6];

    [Fact]
    public async Task Instances_updating_the_same_rate_buckets_at_once_take_turns_and_lose_no_count()
    {
        var instances = new List<ISharedRateBuckets>();
        for (var i = 0; i < 4; i++)
        {
            instances.Add((ISharedRateBuckets)(i == 0 ? await MigratedStoreAsync() : NewStore()));
        }

        // Each update counts one message on the user's bucket and on a bucket of its own conversation, as the limiter does.
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => instances[i % 4].UpdateRateBucketsAsync(
            ["user|u", $"conversation|{i % 5}"],
            found => new RateBucketUpdate<double>(found[0]?.Tokens ?? 0, [Bucket("user|u", (found[0]?.Tokens ?? 0) + 1), Bucket($"conversation|{i % 5}", (found[1]?.Tokens ?? 0) + 1)])))));

        Assert.Equal(Enumerable.Range(0, 40).Select(n => (double)n), results.Order());   // each saw the one before it
        var stored = await instances[1].RateBucketsAsync(["user|u", "conversation|0", "conversation|4", "conversation|9"]);
        Assert.Equal([40.0, 8.0, 8.0], stored.Take(3).Select(b => b!.Tokens));
        Assert.Null(stored[3]);
    }

    [Fact]
    public async Task A_rate_bucket_locked_but_never_written_reads_as_none_and_idle_buckets_are_forgotten()
    {
        var store = (ISharedRateBuckets)await MigratedStoreAsync();
        var now = DateTimeOffset.UtcNow;

        var seen = await store.UpdateRateBucketsAsync(["user|a", "user|b"], found =>
            new RateBucketUpdate<int>(found.Count(b => b is null), [Bucket("user|a", 3, forgetAfter: now.AddMinutes(1))]));
        var readBack = await store.RateBucketsAsync(["user|a", "user|b"]);

        Assert.Equal(2, seen);
        Assert.Equal(3, readBack[0]!.Tokens);
        for (var i = 0; i < 12; i++)
        {
            // Past Npgsql's Auto Prepare Min Usages: the lock's statements, prepared, still run and lose no count.
            await store.UpdateRateBucketsAsync(["user|a"], found => new RateBucketUpdate<int>(0, [Bucket("user|a", found[0]!.Tokens + 1, forgetAfter: now.AddMinutes(1))]));
            Assert.Equal(4 + i, (await store.RateBucketsAsync(["user|a"]))[0]!.Tokens);
        }

        await store.UpdateRateBucketsAsync(["user|a"], _ => new RateBucketUpdate<int>(0, [Bucket("user|a", 3, forgetAfter: now.AddMinutes(1))]));
        Assert.Equal(DateTimeOffset.MinValue, readBack[0]!.QuietUntil);
        Assert.Null(readBack[1]);
        Assert.Equal(0, await store.ForgetRateBucketsAsync(now.AddSeconds(-1)));   // "user|b": forget_after is when it was locked
        Assert.Equal(1, await store.ForgetRateBucketsAsync(now.AddSeconds(30)));
        Assert.Equal(1, await store.ForgetRateBucketsAsync(now.AddMinutes(2)));
        Assert.All(await store.RateBucketsAsync(["user|a", "user|b"]), Assert.Null);
    }

    [Fact]
    public async Task Statements_an_instance_has_prepared_survive_a_column_added_by_a_newer_instances_migration()
    {
        var older = await MigratedStoreAsync();
        await older.CommitAsync(Samples.Commit("c1", 0, "a1", session: Samples.Session(), turns: [Samples.Turn("s1", 0)]));
        for (var i = 0; i < 8; i++)
        {
            // Past Npgsql's Auto Prepare Min Usages (5): these statements are now prepared on the older instance's connections.
            Assert.NotNull(await older.FindConversationAsync("c1"));
            Assert.Single(await older.TurnsAsync("s1"));
        }

        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server!.ConnectionString) { Database = database, Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var alter = new NpgsqlCommand("ALTER TABLE conversations ADD COLUMN later_note text; ALTER TABLE turns ADD COLUMN later_note text", connection);
            await alter.ExecuteNonQueryAsync();
        }

        Assert.Equal(1, (await older.FindConversationAsync("c1"))!.Version);
        Assert.Single(await older.TurnsAsync("s1"));
        Assert.Equal(2, await older.CommitAsync(Samples.Commit("c1", 1, "a2")));
    }

    private static RateBucketRecord Bucket(string key, double tokens, DateTimeOffset? forgetAfter = null) =>
        new(key, tokens, DateTimeOffset.UnixEpoch, DateTimeOffset.MinValue, forgetAfter ?? DateTimeOffset.UtcNow.AddMinutes(1));

    protected override AdoTrainingStore CreateStore() =>
        new PostgresTrainingStore(new NpgsqlConnectionStringBuilder(server!.ConnectionString) { Database = database }.ConnectionString);

    // The database name is generated here, never input; identifiers cannot be parameters.
    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server!.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
