namespace RolePlayBot.LoadTest;

/// <summary>The bots and set-ups a run can measure.</summary>
public static class Target
{
    public const string OfflineSqlite = "offline-sqlite";
    public const string OfflinePostgres = "offline-postgres";
    public const string ModelSqlite = "model-sqlite";
    public const string Echo = "echo";

    /// <summary>RolePlayBot offline on SQLite with every trainee in the bundled Web Chat's way: the embedded Direct Line and its WebSocket.</summary>
    public const string WebChatSqlite = "webchat-sqlite";

    /// <summary>The echo bot as a model relay: the two calls of a model turn, then the customer's text (the floor).</summary>
    public const string ModelRelay = "model-relay";

    /// <summary>The same relay on bare ASP.NET Core (bench/RolePlayBot.RelayBot): the floor for a .NET bot.</summary>
    public const string ModelRelayDotnet = "model-relay-dotnet";

    /// <summary>
    /// The .NET relay sending what RolePlayBot sends a Teams 1:1 chat per turn (a typing indicator, the customer's text
    /// as a livestream, a feedback card, the final message): the floor for a bot that streams and gives feedback.
    /// </summary>
    public const string ModelRelayDotnetStream = "model-relay-dotnet-stream";

    public static readonly IReadOnlyList<string> All = [OfflineSqlite, OfflinePostgres, WebChatSqlite, ModelSqlite, Echo, ModelRelay, ModelRelayDotnet, ModelRelayDotnetStream];

    /// <summary>The targets that answer through the stub model server.</summary>
    public static bool UsesModel(string target) => target is ModelSqlite or ModelRelay or ModelRelayDotnet or ModelRelayDotnetStream;

    /// <summary>The bare ASP.NET Core relays (bench/RolePlayBot.RelayBot).</summary>
    public static bool IsDotnetRelay(string target) => target is ModelRelayDotnet or ModelRelayDotnetStream;

    /// <summary>The reference bots (echo and relays): their trainees only send replies and each turn ends at one answer.</summary>
    public static bool IsReference(string target) => target is Echo or ModelRelay or ModelRelayDotnet or ModelRelayDotnetStream;
}
