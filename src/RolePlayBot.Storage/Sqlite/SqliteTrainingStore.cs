using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using RolePlayBot.Storage.Ado;

namespace RolePlayBot.Storage.Sqlite;

/// <summary>
/// The store in one SQLite file, the default. WAL lets readers run beside the one writer; every write transaction is
/// BEGIN IMMEDIATE, so writers queue on the file lock (busy timeout) instead of failing midway, which also makes two
/// bot processes on one file safe. The writes of a turn and its sent-marks are committed in groups
/// (<see cref="SqliteGroupCommit"/>).
/// </summary>
public sealed class SqliteTrainingStore : AdoTrainingStore
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private readonly string connectionString;
    private readonly SqliteGroupCommit groupCommit;

    // Pooled connections keep their native handle, and with it these per-connection pragmas: set them once per handle
    // rather than parse and run them at every open (a turn opens several).
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();
    private static readonly object Marker = new();

    /// <param name="connectionStringOrPath">A SQLite connection string, or a plain file path.</param>
    public SqliteTrainingStore(string connectionStringOrPath, TimeProvider? time = null)
        : base("Sqlite", time)
    {
        var builder = SqliteConnectionStrings.Parse(connectionStringOrPath);
        connectionString = builder.ConnectionString;
        DataSource = builder.DataSource;
        groupCommit = new SqliteGroupCommit(OpenAsync, connection => ((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    /// <summary>The database file.</summary>
    public string DataSource { get; }

    private protected override string SchemaMigrationsDdl => """
        CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
        """;

    private protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (Configured.TryGetValue(connection.Handle!, out _))
            {
                return connection;
            }

            // SQLite waits for the file lock itself (PRAGMA takes no parameters); past that, Microsoft.Data.Sqlite
            // retries busy statements until the command timeout. synchronous = NORMAL (per connection): in WAL mode a
            // commit then survives the process being killed, and the file stays consistent through a power loss, which
            // may roll back the last commits (their replies may already have gone out). FULL would fsync every commit,
            // which caps a class at a few hundred turns per second on ordinary disks. See BENCHMARKS.md.
            // temp_store = MEMORY: a group's savepoints keep their statement journal in memory instead of a temporary
            // file opened, written and deleted by every group commit that spills past 64 KiB.
            await using var pragma = connection.Command("PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY");
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            Configured.TryAdd(connection.Handle!, Marker);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private protected override Task<T> RunWriteAsync<T>(
        Func<DbConnection, DbTransaction?, CancellationToken, Task<T>> write, bool single, CancellationToken cancellationToken) =>
        groupCommit.RunAsync(write, cancellationToken);

    private protected override Task RunMarkSentAsync(IReadOnlyCollection<long> outboxIds, object sentAt, CancellationToken cancellationToken) =>
        groupCommit.MarkAsync(outboxIds, async (connection, transaction, all) =>
        {
            // One kept statement run per id: an IN list of each group's ids would be new SQL, prepared every time.
            foreach (var id in all)
            {
                await using var command = connection.Command(StoreSql.MarkSent, transaction).With("id", id).With("at", sentAt);
                await command.ExecuteNonQueryAsync();
            }
        }, cancellationToken);

    private protected override bool SetsRunningApart => true;

    private protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    private protected override void PrepareStorage()
    {
        if (Path.IsPathFullyQualified(DataSource) && Path.GetDirectoryName(DataSource) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }
    }

    private protected override async Task PrepareMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL is a property of the file: set once, every later connection uses it.
        await using var wal = connection.Command("PRAGMA journal_mode = WAL");
        await wal.ExecuteScalarAsync(cancellationToken);
    }

    private protected override object ToDb(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(reader.GetString(ordinal), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private protected override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 1555 or 2067 };

    /// <summary>Closes this file's pooled connections, so the file can be moved or deleted.</summary>
    private protected override void ReleasePools()
    {
        groupCommit.Dispose();
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
