using System.Data;
using System.Data.Common;
using Npgsql;
using RolePlayBot.Storage.Ado;

namespace RolePlayBot.Storage.Postgres;

/// <summary>
/// The store in PostgreSQL, for several bot instances. READ COMMITTED suffices: a commit's conditional UPDATE waits
/// for a concurrent writer of the same row and then sees its new version (0 rows: a conflict), and the primary keys
/// on conversations and handled activities settle concurrent inserts. Migrations hold a transaction-level advisory lock.
/// </summary>
public sealed class PostgresTrainingStore : AdoTrainingStore
{
    // "RPBstore" in ASCII: the advisory lock id that serialises migrations across instances.
    private const long MigrationLockId = 0x5250_4273_746F_7265;
    private readonly NpgsqlDataSource dataSource;

    public PostgresTrainingStore(string connectionString, TimeProvider? time = null)
        : base("Postgres", time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        dataSource = NpgsqlDataSource.Create(connectionString);
    }

    private protected override string SchemaMigrationsDdl => """
        CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)
        """;

    private protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    private protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    private protected override async Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT pg_advisory_xact_lock(@id)", transaction).With("id", MigrationLockId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private protected override object ToDb(DateTimeOffset value) => value.ToUniversalTime();

    private protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal).ToUniversalTime();

    private protected override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private protected override void ReleasePools() => dataSource.Dispose();
}
