namespace RolePlayBot.Core.Customers;

/// <summary>
/// Chat messages as a prompt quotes them: on one line (so a message cannot pose as another transcript line) and
/// no longer than a bound (so one pasted wall of text cannot blow the token budget).
/// </summary>
public static class QuotedText
{
    /// <summary>What replaces line breaks inside a quoted message.</summary>
    public const string LineBreak = " / ";

    public static string Quote(string text, int maxChars, bool chinese)
    {
        var flat = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim().Replace("\n", LineBreak, StringComparison.Ordinal);
        if (flat.Length <= maxChars)
        {
            return flat;
        }
        var cut = char.IsHighSurrogate(flat[maxChars - 1]) ? maxChars - 1 : maxChars;
        return flat[..cut].TrimEnd() + (chinese ? "……（后略）" : "… [cut]");
    }
}
