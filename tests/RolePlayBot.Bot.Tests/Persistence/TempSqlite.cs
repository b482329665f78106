using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Tests.Persistence;

/// <summary>A real SQLite file in the temp directory, shared by the hosts a test starts on it, deleted afterwards.</summary>
internal sealed class TempSqlite : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rpb-test-{Guid.NewGuid():n}.db");

    public StorageOptions Options => new() { Provider = "sqlite", ConnectionString = Path };

    public void Dispose()
    {
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
