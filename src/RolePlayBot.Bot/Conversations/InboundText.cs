using System.Text.Json;
using System.Text.RegularExpressions;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Conversations;

/// <summary>
/// The trainee's words from an inbound message: the bot's own Teams @mention removed (botframework.md §4.2),
/// non-breaking spaces made plain, whitespace trimmed.
/// </summary>
public static partial class InboundText
{
    public static string Of(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!IsMentionOf(entity, botId, out var mentionText))
            {
                continue;
            }

            text = text.Replace(mentionText, " ", StringComparison.OrdinalIgnoreCase);
        }

        text = text.Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase).Replace('\u00a0', ' ');
        return SpacesRun().Replace(text, " ").Trim();
    }

    /// <summary>The text collapsed to single spaces, for matching commands.</summary>
    public static string Collapse(string text) => AnyWhitespace().Replace(text, " ").Trim();

    private static bool IsMentionOf(JsonElement entity, string? botId, out string mentionText)
    {
        mentionText = "";
        if (botId is null || entity.ValueKind != JsonValueKind.Object
            || !entity.TryGetProperty("type", out var type) || type.GetString() != "mention"
            || !entity.TryGetProperty("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object
            || !mentioned.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() != botId)
        {
            return false;
        }

        if (entity.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(text.GetString()))
        {
            mentionText = text.GetString()!;
            return true;
        }

        var name = mentioned.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        mentionText = $"<at>{name}</at>";
        return !string.IsNullOrEmpty(name);
    }

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex SpacesRun();

    [GeneratedRegex(@"\s+")]
    private static partial Regex AnyWhitespace();
}
