using System.Text.Json;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Core;

namespace RolePlayBot.Bot.Conversations;

/// <summary>The trainee's language from an activity: its locale, else Teams' clientInfo entity; null when neither says.</summary>
public static class ActivityLocale
{
    public static string? Raw(Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Locale))
        {
            return activity.Locale;
        }

        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind == JsonValueKind.Object
                && entity.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "clientInfo"
                && entity.TryGetProperty("locale", out var locale) && locale.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(locale.GetString()))
            {
                return locale.GetString();
            }
        }

        return null;
    }

    /// <summary>zh-CN or en; <paramref name="fallback"/> when the activity does not say.</summary>
    public static string Of(Activity activity, string fallback) =>
        Raw(activity) is { } raw ? Locales.Normalize(raw) : fallback;
}
