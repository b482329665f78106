using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Conversations;

/// <summary>
/// The trainee's words from an inbound message: the bot's own Teams @mention removed (botframework.md §4.2),
/// control characters dropped, non-breaking spaces made plain, whitespace trimmed.
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

        text = Clean(text).Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase).Replace('\u00a0', ' ');
        return SpacesRun().Replace(text, " ").Trim();
    }

    /// <summary>
    /// Pasted text carries control characters (NUL, escape sequences, form feeds, C1 codes from mis-decoded
    /// text) that mean nothing in a chat and upset storage and models: they are dropped, CR LF becomes LF, tabs and
    /// newlines stay. A lone surrogate (JSON can carry "\ud800") becomes U+FFFD, so the text is valid Unicode for
    /// PostgreSQL, SQLite and the model. Emoji, zero-width joiners and bidi marks are text and are kept.
    /// </summary>
    public static string Clean(string text)
    {
        if (!NeedsCleaning(text))
        {
            return text;
        }

        var cleaned = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cleaned.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                cleaned.Append('\uFFFD');
            }
            else if (c == '\r')
            {
                cleaned.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (!IsControl(c))
            {
                cleaned.Append(c);
            }
        }

        return cleaned.ToString();
    }

    /// <summary>How long the text is as a person counts it: an emoji is one character, not two UTF-16 units.</summary>
    public static int CharacterCount(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static bool IsControl(char c) => c is not ('\t' or '\n') && char.IsControl(c);

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (c == '\r' || char.IsSurrogate(c) || IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text collapsed to single spaces, for matching commands.</summary>
    public static string Collapse(string text) => AnyWhitespace().Replace(text, " ").Trim();

    private static bool IsMentionOf(JsonElement entity, string? botId, out string mentionText)
    {
        mentionText = "";
        if (botId is null || entity.ValueKind != JsonValueKind.Object
            || !entity.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "mention"
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
