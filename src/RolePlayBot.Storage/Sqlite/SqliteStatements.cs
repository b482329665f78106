using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace RolePlayBot.Storage.Sqlite;

/// <summary>
/// Prepared statements kept for one long-lived connection (the group commit's writer): SQLite parses and plans a
/// statement when it is prepared, and the writer ran the same few statements thousands of times a second, each
/// prepared afresh (a tenth of the writer thread's time). Commands asked of such a connection come from here, their
/// parameters cleared; disposing one keeps it for the next use. At most <see cref="Capacity"/> texts are kept, so
/// generated SQL never fills it; past that, commands are made and disposed as usual.
/// </summary>
internal sealed class SqliteStatements : IDisposable
{
    public const int Capacity = 32;

    private static readonly ConditionalWeakTable<DbConnection, SqliteStatements> ByConnection = new();

    private readonly SqliteConnection connection;
    private readonly Dictionary<string, KeptCommand> kept = new(StringComparer.Ordinal);

    private SqliteStatements(SqliteConnection connection) => this.connection = connection;

    /// <summary>Keeps prepared statements for <paramref name="connection"/> until the returned object is disposed.</summary>
    public static SqliteStatements Keep(SqliteConnection connection)
    {
        var statements = new SqliteStatements(connection);
        ByConnection.AddOrUpdate(connection, statements);
        return statements;
    }

    /// <summary>A command for <paramref name="sql"/>: a kept one when <paramref name="connection"/> keeps statements.</summary>
    public static DbCommand? TryGet(DbConnection connection, string sql, DbTransaction? transaction) =>
        ByConnection.TryGetValue(connection, out var statements) ? statements.Get(sql, transaction) : null;

    public void Dispose()
    {
        ByConnection.Remove(connection);
        foreach (var command in kept.Values)
        {
            command.Release();
        }

        kept.Clear();
    }

    private DbCommand? Get(string sql, DbTransaction? transaction)
    {
        if (!kept.TryGetValue(sql, out var command))
        {
            if (kept.Count >= Capacity)
            {
                return null;
            }

            command = new KeptCommand(sql, connection);
            kept.Add(sql, command);
        }

        command.Parameters.Clear();
        command.Transaction = (SqliteTransaction?)transaction;
        return command;
    }

    /// <summary>A command whose disposal only ends its current use; <see cref="Release"/> really disposes it.</summary>
    private sealed class KeptCommand(string sql, SqliteConnection connection) : SqliteCommand(sql, connection)
    {
        private bool released;

        public void Release()
        {
            released = true;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            if (released)
            {
                base.Dispose(disposing);
            }
        }
    }
}
