using Microsoft.Data.Sqlite;
using RolePlayBot.Storage.Ado;
using RolePlayBot.Storage.Sqlite;

namespace RolePlayBot.Storage.Tests;

/// <summary>The contract on a real SQLite file in a temp directory of its own.</summary>
public sealed class SqliteTrainingStoreTests : TrainingStoreContract
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "rpb-store-" + Guid.NewGuid().ToString("N"));

    private string File => Path.Combine(directory, "rpb.db");

    protected override Task CreateDatabaseAsync()
    {
        Directory.CreateDirectory(directory);
        return Task.CompletedTask;
    }

    protected override Task DropDatabaseAsync()
    {
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    protected override AdoTrainingStore CreateStore() => new SqliteTrainingStore(File);

    [Fact]
    public async Task The_file_is_in_WAL_mode_so_readers_do_not_wait_for_the_writer()
    {
        await MigratedStoreAsync();

        await using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Times_are_stored_as_sortable_UTC_text()
    {
        var store = await MigratedStoreAsync();
        await store.CommitAsync(Samples.Commit("c1", 0, "a1", at: Samples.T0.ToOffset(TimeSpan.FromHours(8))));

        await using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT updated_at FROM conversations";
        Assert.Equal("2026-11-22T08:00:00.1230000Z", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_WAL_starts_over_under_steady_writes_and_reads_instead_of_growing_without_end()
    {
        // A WAL that is checkpointed beside a writer that never stops appending never starts over: a try at moving
        // checkpoints off the writer's thread grew it to 3.9 GB in 90 s of load. SQLite's own checkpoints, run by the
        // writer as it commits, keep it at a few MB.
        var store = await MigratedStoreAsync();
        var state = $$"""{"pad":"{{new string('x', 16 * 1024)}}"}""";
        var versions = new long[32];
        using var stop = new CancellationTokenSource();
        // Readers reading all the time, as the turns do.
        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(async () =>
        {
            await using var reader = new SqliteConnection($"Data Source={File};Pooling=False");
            await reader.OpenAsync();
            while (!stop.IsCancellationRequested)
            {
                await using var read = reader.BeginTransaction(deferred: true);
                await using var count = reader.CreateCommand();
                count.CommandText = "SELECT count(*) FROM conversations";
                await count.ExecuteScalarAsync();
                await read.CommitAsync();
                await Task.Delay(1);
            }
        })).ToList();

        // Four seconds of steady writes: a checkpoint beside them never catches up on its own.
        var until = DateTime.UtcNow.AddSeconds(4);
        var written = 0L;
        var writers = Enumerable.Range(0, versions.Length).Select(c => Task.Run(async () =>
        {
            while (DateTime.UtcNow < until)
            {
                versions[c] = await store.CommitAsync(Samples.Commit($"c{c}", versions[c], $"a{versions[c]}", state: state));
                Interlocked.Add(ref written, state.Length);
            }
        }));
        await Task.WhenAll(writers);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.True(written > 48 * 1024 * 1024, $"only {written / 1024 / 1024} MB were written");
        var wal = new FileInfo(File + "-wal");
        Assert.True(wal.Length < 64 * 1024 * 1024, $"the WAL is {wal.Length / 1024 / 1024} MB after {written / 1024 / 1024} MB of commits");
    }

    [Fact]
    public async Task Commits_are_copied_into_the_database_file_while_the_writer_rests()
    {
        // SQLite's own checkpoint runs inside the commit that fills a thousand WAL pages, with two fsyncs, and every
        // turn queued behind that commit waits for it. While the writer has nothing queued the store copies the WAL
        // back on a thread of its own, so a class at its usual pace never reaches that commit.
        var store = await MigratedStoreAsync();
        var versions = new long[8];
        for (var round = 0; round < 3; round++)
        {
            for (var c = 0; c < versions.Length; c++)
            {
                versions[c] = await store.CommitAsync(Samples.Commit($"c{c}", versions[c], $"a{round}", state: $$"""{"round":{{round}}}"""));
            }
        }

        // The database file alone, without its WAL: it holds only what a checkpoint copied into it.
        var copy = Path.Combine(directory, "copy.db");
        var rounds = -1L;
        for (var attempt = 0; attempt < 50 && rounds != 3; attempt++)
        {
            await Task.Delay(100);
            System.IO.File.Copy(File, copy, overwrite: true);
            System.IO.File.Delete(copy + "-wal");
            await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT coalesce(max(version), -1) FROM conversations WHERE conversation_key = 'c7'";
            try
            {
                rounds = (long)(await command.ExecuteScalarAsync())!;
            }
            catch (SqliteException)
            {
                // The copy does not even have the tables yet.
            }
        }

        Assert.Equal(3, rounds);
    }

    [Fact]
    public async Task Migrating_creates_the_file_and_its_directory()
    {
        var store = new SqliteTrainingStore(Path.Combine(directory, "data", "nested", "training.db"));
        await using (store)
        {
            await store.MigrateAsync();
        }

        Assert.True(System.IO.File.Exists(store.DataSource));
    }

    [Fact]
    public async Task A_writer_waits_for_another_connection_holding_the_write_lock_instead_of_failing()
    {
        var store = await MigratedStoreAsync();

        // Another process on the same file looks the same to SQLite: another connection holding the file's write lock.
        await using var other = new SqliteConnection($"Data Source={File};Pooling=False");
        await other.OpenAsync();
        var lockHolder = other.BeginTransaction(deferred: false);
        var commit = Task.Run(() => store.CommitAsync(Samples.Commit("c1", 0, "a1")));
        // A deliberate pause, not a wait for something to happen: the commit must still be blocked after it. A slow
        // machine can only make this pass more easily, never fail spuriously; the release below is awaited properly.
        await Task.Delay(300);
        Assert.False(commit.IsCompleted);

        lockHolder.Commit();

        Assert.Equal(1, await commit);
    }
}
