using System.Text.Json;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.BotFramework;

/// <summary>Activities in the shapes Teams and Direct Line send them, from Fixtures/*.json.</summary>
internal static class Fixtures
{
    public static readonly string[] Names =
    [
        "teams-personal-message",
        "teams-channel-mention",
        "teams-card-submit",
        "teams-adaptive-card-action-invoke",
        "teams-conversation-update-members-added",
        "webchat-directline-message",
    ];

    public static TheoryData<string> All => [.. Names];

    public static string Json(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "BotFramework", "Fixtures", name + ".json"));

    public static Activity Activity(string name) => JsonSerializer.Deserialize<Activity>(Json(name), BotJson.Options)!;

    /// <summary>The fixture with its serviceUrl (and so its conversation's replies) pointed somewhere else.</summary>
    public static string JsonWithServiceUrl(string name, string serviceUrl)
    {
        var activity = Activity(name);
        activity.ServiceUrl = serviceUrl;
        return JsonSerializer.Serialize(activity, BotJson.Options);
    }
}
