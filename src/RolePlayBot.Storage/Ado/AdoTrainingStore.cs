using System.Data.Common;

namespace RolePlayBot.Storage.Ado;

/// <summary>
/// The store over plain ADO.NET, shared by both providers: one connection per operation (from the provider's pool),
/// each commit in one transaction. A provider supplies the connection, how a write transaction begins and locks,
/// how a timestamp is written and read, and how it reports a unique violation.
/// </summary>
public abstract partial class AdoTrainingStore : ITrainingStore, IAsyncDisposable, IDisposable
{
    private readonly IReadOnlyList<Migration> migrations;

    private protected AdoTrainingStore(string provider, TimeProvider? time)
    {
        migrations = MigrationCatalog.Load(provider);
        Time = time ?? TimeProvider.System;
    }

    private protected TimeProvider Time { get; }

    /// <summary>Creates <c>schema_migrations</c> (version, name, applied_at) when missing.</summary>
    private protected abstract string SchemaMigrationsDdl { get; }

    private protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that writes; SQLite takes the write lock here (BEGIN IMMEDIATE).</summary>
    private protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one write of the hot path (a turn's commit, sent-marks): a <paramref name="single"/> statement on its own,
    /// otherwise in a transaction of its own, committed at the end; any exception rolls all of it back. SQLite, with one
    /// writer at a time, overrides this to commit the writes of concurrent turns together
    /// (<see cref="Sqlite.SqliteGroupCommit"/>), each still all or nothing.
    /// </summary>
    private protected virtual async Task<T> RunWriteAsync<T>(
        Func<DbConnection, DbTransaction?, CancellationToken, Task<T>> write, bool single, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        if (single)
        {
            return await write(connection, null, cancellationToken);
        }

        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var result = await write(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Runs before the first connection of a migration (SQLite creates the file's directory).</summary>
    private protected virtual void PrepareStorage()
    {
    }

    /// <summary>Runs before the migration transaction (SQLite switches to WAL there, which a transaction cannot).</summary>
    private protected virtual Task PrepareMigrationAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Serialises concurrent migrations inside the migration transaction.</summary>
    private protected virtual Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    private protected abstract object ToDb(DateTimeOffset value);

    private protected abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    private protected abstract bool IsUniqueViolation(DbException exception);

    // Both disposals, so a container disposed synchronously does not refuse the store.
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        ReleasePools();
        GC.SuppressFinalize(this);
    }

    /// <summary>Lets go of the provider's pooled connections.</summary>
    private protected virtual void ReleasePools()
    {
    }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        PrepareStorage();
        await using var connection = await OpenAsync(cancellationToken);
        await PrepareMigrationAsync(connection, cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await LockMigrationsAsync(connection, transaction, cancellationToken);
        await using (var create = connection.Command(SchemaMigrationsDdl, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = await AppliedMigrationsAsync(connection, transaction, cancellationToken);
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
        {
            await using (var apply = connection.Command(migration.Sql, transaction))
            {
                await apply.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var record = connection.Command(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)", transaction);
            await record.With("version", migration.Version).With("name", migration.Name).With("at", ToDb(Time.GetUtcNow()))
                .ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The versions recorded in <c>schema_migrations</c>, for tests and diagnostics.</summary>
    internal async Task<IReadOnlyList<int>> AppliedMigrationsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return [.. (await AppliedMigrationsAsync(connection, null, cancellationToken)).Order()];
    }

    private static async Task<HashSet<int>> AppliedMigrationsAsync(
        DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT version FROM schema_migrations", transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    public async Task<StoredConversation?> FindConversationAsync(string conversationKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(StoreSql.FindConversation).With("key", conversationKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredConversation(
            reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetBoolean(3), ReadTime(reader, 4));
    }

    public Task<ConversationForTurn> FindForTurnAsync(string conversationKey, string? activityId, CancellationToken cancellationToken = default) =>
        FindForTurnAsync(conversationKey, activityId, knownVersion: -1, cancellationToken);

    public async Task<ConversationForTurn> FindForTurnAsync(string conversationKey, string? activityId, long knownVersion, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(StoreSql.FindForTurn)
            .With("key", conversationKey).With("activity", activityId).With("known", knownVersion);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The turn's read returned no row.");
        }

        if (reader.IsDBNull(0))
        {
            return new ConversationForTurn(null, reader.GetBoolean(5));
        }

        if (reader.IsDBNull(1))
        {
            return new ConversationForTurn(null, reader.GetBoolean(5), Unchanged: reader.GetInt64(2));
        }

        var stored = new StoredConversation(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetBoolean(3), ReadTime(reader, 4));
        return new ConversationForTurn(stored, reader.GetBoolean(5));
    }

    public async Task<bool> IsProcessedAsync(string conversationKey, string activityId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(StoreSql.IsProcessed).With("key", conversationKey).With("activity", activityId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
