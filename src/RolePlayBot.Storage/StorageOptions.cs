namespace RolePlayBot.Storage;

/// <summary>Settings "Storage:Provider" (sqlite | postgres) and "Storage:ConnectionString".</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string Provider { get; set; } = "sqlite";

    /// <summary>For SQLite, a connection string or a file path (default: rpb.db beside the app's content root); for PostgreSQL, a Npgsql connection string.</summary>
    public string? ConnectionString { get; set; }
}
