namespace RolePlayBot.Core.Text;

/// <summary>Splits normalised text into clauses on sentence and clause punctuation (not on a decimal point).</summary>
public static class ClauseSplitter
{
    public static IReadOnlyList<TextSpan> Split(string text)
    {
        var clauses = new List<TextSpan>(4);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsDelimiter(text, i))
            {
                continue;
            }

            var s = start;
            var e = i;
            while (s < e && char.IsWhiteSpace(text[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            if (e > s)
            {
                clauses.Add(new TextSpan(s, e));
            }

            start = i + 1;
        }

        return clauses;
    }

    internal static bool IsDelimiter(string text, int i) => text[i] switch
    {
        '。' or '!' or '?' or ';' or ',' or '\n' or '…' or '~' or '｡' => true,
        '.' => !(i > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1])),
        _ => false,
    };
}
