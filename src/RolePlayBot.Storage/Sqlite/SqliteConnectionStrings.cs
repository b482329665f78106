using Microsoft.Data.Sqlite;

namespace RolePlayBot.Storage.Sqlite;

/// <summary>Turns the configured value (a connection string, a file path, or nothing) into the store's connection string.</summary>
internal static class SqliteConnectionStrings
{
    public const string DefaultFile = "rpb.db";

    /// <param name="value">A connection string (it has '='), a file path, or null/blank for <see cref="DefaultFile"/>.</param>
    /// <param name="baseDirectory">Where a relative file lives; the current directory when null.</param>
    public static SqliteConnectionStringBuilder Parse(string? value, string? baseDirectory = null)
    {
        var builder = string.IsNullOrWhiteSpace(value) ? new SqliteConnectionStringBuilder { DataSource = DefaultFile }
            : value.Contains('=') ? new SqliteConnectionStringBuilder(value)
            : new SqliteConnectionStringBuilder { DataSource = value.Trim() };

        if (builder.DataSource.Length == 0)
        {
            throw new ArgumentException("The SQLite connection string names no file (Data Source).", nameof(value));
        }

        var inMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource == ":memory:";
        if (!inMemory && !builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, baseDirectory ?? Directory.GetCurrentDirectory());
        }

        builder.Pooling = true;
        return builder;
    }
}
