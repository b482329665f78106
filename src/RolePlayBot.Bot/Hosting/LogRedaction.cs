using System.Text.RegularExpressions;

namespace RolePlayBot.Bot.Hosting;

/// <summary>
/// Makes text from the other side of a connection safe to log. A server's error body is worth logging, but some
/// echo the credentials they were sent; bearer tokens, JWTs and the token we sent never reach a log sink.
/// </summary>
public static partial class LogRedaction
{
    public const string Redacted = "[redacted]";

    /// <summary>The text with <paramref name="secret"/>, any "Bearer …" value and anything shaped like a JWT replaced, cut to a readable length.</summary>
    public static string Text(string? text, string? secret = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!string.IsNullOrEmpty(secret))
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        text = Jwt().Replace(Bearer().Replace(text, "Bearer " + Redacted), Redacted);
        return text.Length > 1000 ? text[..1000] + "…" : text;
    }

    [GeneratedRegex(@"(?i)\bbearer\s+[A-Za-z0-9._~+/=-]{8,}")]
    private static partial Regex Bearer();

    [GeneratedRegex(@"\bey[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();
}
