namespace RolePlayBot.Bot.Storage;

/// <summary>
/// What "Storage:ConnectionString" = ":memory:" means for the bot: a database of this host alone, gone when it stops
/// — a fresh temporary SQLite file, since the store opens a connection per operation and SQLite's own :memory:
/// would hand each one an empty database. For tests and throwaway demos.
/// </summary>
public sealed class PrivateSqliteFile : IDisposable
{
    public const string Marker = ":memory:";

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rpb-{Guid.NewGuid():n}.db");

    public void Dispose()
    {
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm", Path + "-journal" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A pooled connection may still hold it on some platforms; the temp directory is cleaned anyway.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
