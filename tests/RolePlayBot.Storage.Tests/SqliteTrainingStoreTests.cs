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
