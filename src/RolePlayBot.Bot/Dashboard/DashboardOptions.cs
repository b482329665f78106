namespace RolePlayBot.Bot.Dashboard;

/// <summary>Settings "Dashboard:*": who is a trainer, how sign-in links are signed, and the local-development shortcut.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>User ids (the channel's user id, or the Entra object id in Teams) that see every trainee's sessions.</summary>
    public List<string> Trainers { get; set; } = [];

    /// <summary>
    /// When true, requests from this machine (loopback, not forwarded by a proxy) without a sign-in act as a trainer.
    /// For a developer's own machine only; never behind a reverse proxy on the same host.
    /// </summary>
    public bool LocalDevelopment { get; set; }

    /// <summary>Key for signing sign-in links (at least 32 characters). Empty: a random key per process, so links
    /// die with a restart and several bot instances cannot check each other's links.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>How long a sign-in link stays usable.</summary>
    public int LinkMinutes { get; set; } = 10;

    /// <summary>How long a sign-in lasts in the browser.</summary>
    public int SignInHours { get; set; } = 8;

    /// <summary>Times on the pages and in exports, and the days the date filters mean (IANA id).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>
    /// The bot's public address (e.g. https://rpb.example.com), for absolute sign-in links in the chat: Teams needs
    /// them. Empty: the chat sends relative links, which work in the web chat served from the same origin.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>A sign-in link path made absolute with <see cref="PublicBaseUrl"/> when it is set.</summary>
    public string Absolute(string path) => string.IsNullOrWhiteSpace(PublicBaseUrl)
        ? path
        : new Uri(new Uri(PublicBaseUrl.TrimEnd('/') + "/"), path.TrimStart('/')).ToString();

    public bool IsTrainer(string userId) => Trainers.Contains(userId, StringComparer.Ordinal);
}
