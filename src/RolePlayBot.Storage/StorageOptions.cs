namespace RolePlayBot.Storage;

/// <summary>Settings "Storage:Provider" (sqlite | postgres) and "Storage:ConnectionString".</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string Provider { get; set; } = "sqlite";

    /// <summary>For SQLite, a connection string or a file path (default: rpb.db beside the app's content root); for PostgreSQL, a Npgsql connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Hours sent replies and handled activity ids are kept (default 72, at least 1): a handled id must outlive any
    /// redelivery of its activity, which channels make within minutes. Sessions and turns are kept for good.
    /// </summary>
    public double RetentionHours { get; set; } = 72;

    /// <summary>
    /// Conversations whose decoded state this instance keeps between their turns (default 1,000; 0 turns it off): a
    /// turn then reads only the stored version, not the whole session. Memory: about 1 KB + 2 KB per turn played each.
    /// </summary>
    public int SessionCacheSize { get; set; } = 1000;

    /// <summary>Minutes between two sweeps of what is past <see cref="RetentionHours"/> (default 10); 0 turns the sweep off.</summary>
    public double PruneIntervalMinutes { get; set; } = 10;
}
