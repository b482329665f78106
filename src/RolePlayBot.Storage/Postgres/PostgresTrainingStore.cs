using System.Data;
using System.Data.Common;
using Npgsql;
using RolePlayBot.Storage.Ado;

namespace RolePlayBot.Storage.Postgres;

/// <summary>
/// The store in PostgreSQL, for several bot instances. READ COMMITTED suffices: a commit's conditional UPDATE waits
/// for a concurrent writer of the same row and then sees its new version (0 rows: a conflict), and the primary keys
/// on conversations and handled activities settle concurrent inserts. Migrations hold a transaction-level advisory lock.
/// Rate limit buckets live here too (<see cref="ISharedRateBuckets"/>): the instances share one allowance per trainee.
/// </summary>
public sealed class PostgresTrainingStore : AdoTrainingStore, ISharedRateBuckets
{
    // Locks the keys' rows, inserting an empty one for a key without (so a first message is locked like any other);
    // keys come sorted, and rows are locked in that order, so two deciders never wait on each other crosswise. The
    // transaction commits without waiting for its WAL to reach the disk: a crash may forget the last instants' counts,
    // which costs nothing but a few messages' allowance, while each message spares a disk flush.
    private const string LockRateBuckets = """
        SET LOCAL synchronous_commit = off;
        INSERT INTO rate_buckets (key, forget_after)
        SELECT k, @now FROM unnest(@keys::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n
        ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key
        RETURNING key, tokens, refilled, quiet_until, forget_after
        """;

    private const string ReadRateBuckets =
        "SELECT key, tokens, refilled, quiet_until, forget_after FROM rate_buckets WHERE key = ANY(@keys::text[])";

    private const string WriteRateBuckets = """
        UPDATE rate_buckets AS b
        SET tokens = v.tokens, refilled = v.refilled, quiet_until = v.quiet_until, forget_after = v.forget_after
        FROM unnest(@keys::text[], @tokens::float8[], @refilled::timestamptz[], @quiet::timestamptz[], @forget::timestamptz[])
            AS v(key, tokens, refilled, quiet_until, forget_after)
        WHERE b.key = v.key
        """;

    /// <summary>
    /// How many statements each connection keeps prepared by default: a turn's dozen and the sweeps' fit; the
    /// dashboard's rarer queries take the least recently used places.
    /// </summary>
    public const int AutoPreparedStatements = 32;

    // "RPBstore" in ASCII: the advisory lock id that serialises migrations across instances.
    private const long MigrationLockId = 0x5250_4273_746F_7265;
    private readonly NpgsqlDataSource dataSource;

    public PostgresTrainingStore(string connectionString, TimeProvider? time = null)
        : base("Postgres", time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        dataSource = NpgsqlDataSource.Create(WithAutoPrepare(connectionString));
    }

    /// <summary>
    /// The connection string with Npgsql's automatic preparation on (<c>Max Auto Prepare</c>, default
    /// <see cref="AutoPreparedStatements"/>) unless it says otherwise: the store sends the same few statements for every
    /// turn, and a prepared one skips PostgreSQL's parse and plan (in the load test at 200 trainees, 16–22% more turns
    /// a second). Say <c>Max Auto Prepare=0</c> behind a pooler that cannot keep prepared statements (PgBouncer's
    /// transaction mode before 1.21). Keep naming columns in every statement (no <c>SELECT *</c>, no <c>RETURNING *</c>):
    /// then a migration that adds a column, applied by a newer instance, does not change the result of a statement an
    /// older instance still has prepared ("cached plan must not change result type").
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutoPreparedStatements }.ConnectionString;
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

    public async Task<T> UpdateRateBucketsAsync<T>(
        IReadOnlyList<string> keys, Func<IReadOnlyList<RateBucketRecord?>, RateBucketUpdate<T>> decide, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(decide);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var sorted = keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        IReadOnlyDictionary<string, RateBucketRecord?> found;
        await using (var lockRows = connection.Command(LockRateBuckets, transaction).With("keys", sorted).With("now", ToDb(Time.GetUtcNow())))
        {
            found = await ReadBucketsAsync(lockRows, cancellationToken);
        }

        var update = decide([.. keys.Select(key => found.GetValueOrDefault(key))]);
        if (update.Write.Count > 0)
        {
            await using var write = connection.Command(WriteRateBuckets, transaction)
                .With("keys", update.Write.Select(b => b.Key).ToArray())
                .With("tokens", update.Write.Select(b => b.Tokens).ToArray())
                .With("refilled", update.Write.Select(b => b.Refilled.UtcDateTime).ToArray())
                .With("quiet", update.Write.Select(b => b.QuietUntil.UtcDateTime).ToArray())
                .With("forget", update.Write.Select(b => b.ForgetAfter.UtcDateTime).ToArray());
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return update.Result;
    }

    public async Task<IReadOnlyList<RateBucketRecord?>> RateBucketsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await OpenAsync(cancellationToken);
        await using var read = connection.Command(ReadRateBuckets).With("keys", keys.ToArray());
        var found = await ReadBucketsAsync(read, cancellationToken);
        return [.. keys.Select(key => found.GetValueOrDefault(key))];
    }

    public async Task<long> ForgetRateBucketsAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var delete = connection.Command("DELETE FROM rate_buckets WHERE forget_after < @now").With("now", ToDb(now));
        return await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The rows by key; a row never counted yet (null tokens) reads as no bucket.</summary>
    private async Task<Dictionary<string, RateBucketRecord?>> ReadBucketsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, RateBucketRecord?>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                found[reader.GetString(0)] = reader.IsDBNull(1) ? null
                    : new RateBucketRecord(reader.GetString(0), reader.GetDouble(1), ReadTime(reader, 2), ReadTime(reader, 3), ReadTime(reader, 4));
            }
        }
        while (await reader.NextResultAsync(cancellationToken));   // the lock's SET comes first, without rows

        return found;
    }
}
