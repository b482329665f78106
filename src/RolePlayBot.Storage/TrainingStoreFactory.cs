using RolePlayBot.Storage.Postgres;
using RolePlayBot.Storage.Sqlite;

namespace RolePlayBot.Storage;

/// <summary>Chooses the store from <see cref="StorageOptions"/>. Call <see cref="ITrainingStore.MigrateAsync"/> before use.</summary>
public static class TrainingStoreFactory
{
    /// <param name="options">Provider "sqlite" (default) or "postgres", and the connection string.</param>
    /// <param name="baseDirectory">Where a relative SQLite file lives (the app's content root); the current directory when null.</param>
    /// <param name="time">The clock for times the store stamps itself (migrations applied, outbox sent).</param>
    public static ITrainingStore Create(StorageOptions options, string? baseDirectory = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = options.Provider?.Trim() ?? "";
        if (provider.Length == 0 || provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var builder = SqliteConnectionStrings.Parse(options.ConnectionString, baseDirectory);
            return new SqliteTrainingStore(builder.ConnectionString, time);
        }

        if (provider.Equals("postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new ArgumentException(
                    $"{StorageOptions.SectionName}:ConnectionString is required for the postgres provider " +
                    "(a Npgsql connection string, e.g. \"Host=db;Username=rpb;Password=…;Database=rpb\").", nameof(options));
            }

            return new PostgresTrainingStore(options.ConnectionString, time);
        }

        throw new ArgumentException(
            $"Unknown {StorageOptions.SectionName}:Provider '{options.Provider}': use 'sqlite' (one file, the default) or 'postgres'.",
            nameof(options));
    }
}
