namespace RolePlayBot.LoadTest;

/// <summary>The bots and set-ups a run can measure.</summary>
public static class Target
{
    public const string OfflineSqlite = "offline-sqlite";
    public const string OfflinePostgres = "offline-postgres";
    public const string ModelSqlite = "model-sqlite";
    public const string Echo = "echo";

    public static readonly IReadOnlyList<string> All = [OfflineSqlite, OfflinePostgres, ModelSqlite, Echo];
}
