using System.Text.Json.Nodes;

namespace RolePlayBot.Cli.Teams;

/// <summary>The Teams app manifest (schema 1.22) for the practice bot: Chinese first, English after.</summary>
public static class TeamsManifest
{
    public const string ManifestVersion = "1.22";

    public const string ShortName = "客服陪练 RolePlayBot";

    public const string FullName = "电商客服同理心陪练 RolePlayBot · E-commerce service empathy practice";

    public const string ShortDescription = "和难缠的顾客练习回复，每条都有点评。Practise difficult customers, get feedback.";

    private static readonly string[] Scopes = ["personal", "team", "groupChat"];

    private static readonly (string Title, string Description)[] Commands =
    [
        ("help", "查看命令和用法 · Show the commands"),
        ("personas", "列出可练习的顾客角色 · List the customers you can practise with"),
        ("start", "开始练习，例如 start 1 · Start a practice session, e.g. start 1"),
        ("hint", "获取下一条回复的提示 · A hint for your next reply"),
        ("end", "结束本次练习并查看评分卡 · End the session and see the scorecard"),
        ("mode", "切换点评方式 · Switch how feedback is shown"),
    ];

    public static JsonObject Build(Guid appId, string host, string version = "1.0.0")
    {
        var id = appId.ToString("D");
        return new JsonObject
        {
            ["$schema"] = $"https://developer.microsoft.com/json-schemas/teams/v{ManifestVersion}/MicrosoftTeams.schema.json",
            ["manifestVersion"] = ManifestVersion,
            ["version"] = version,
            ["id"] = id,
            ["developer"] = new JsonObject
            {
                ["name"] = "RolePlayBot",
                ["websiteUrl"] = $"https://{host}/",
                ["privacyUrl"] = $"https://{host}/privacy.html",
                ["termsOfUseUrl"] = $"https://{host}/terms.html",
            },
            ["name"] = new JsonObject { ["short"] = ShortName, ["full"] = FullName },
            ["description"] = new JsonObject
            {
                ["short"] = ShortDescription,
                ["full"] = "电商客服同理心陪练：机器人扮演难缠的顾客（催发货、要退款、情绪激动……），你以客服身份回复，"
                    + "每条回复都会得到同理心、准确性和解决问题方面的点评，练习结束时给出评分卡。"
                    + "RolePlayBot plays difficult e-commerce customers; you answer as the service agent, get feedback on every reply "
                    + "(empathy, accuracy, resolution) and a scorecard at the end.",
            },
            ["icons"] = new JsonObject { ["color"] = "color.png", ["outline"] = "outline.png" },
            ["accentColor"] = TeamsIcons.AccentColor,
            ["bots"] = new JsonArray
            {
                new JsonObject
                {
                    ["botId"] = id,
                    ["scopes"] = Array(Scopes),
                    ["supportsFiles"] = false,
                    ["isNotificationOnly"] = false,
                    ["commandLists"] = new JsonArray
                    {
                        new JsonObject
                        {
                            ["scopes"] = Array(Scopes),
                            ["commands"] = new JsonArray(Commands.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["description"] = c.Description }).ToArray()),
                        },
                    },
                },
            },
            ["permissions"] = Array(["identity", "messageTeamMembers"]),
            ["validDomains"] = Array([host]),
        };
    }

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
