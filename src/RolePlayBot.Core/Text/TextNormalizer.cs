namespace RolePlayBot.Core.Text;

/// <summary>
/// Puts a reply into the one form the checklist patterns are written against, keeping a map back to the original:
/// full-width to half-width, zero-width and bidi controls removed, curly quotes straightened, whitespace
/// collapsed, Latin lower-cased. Chinese text and emoji are kept as they are.
/// </summary>
public static class TextNormalizer
{
    public static NormalizedText Normalize(string? original)
    {
        original ??= "";
        var buffer = new char[original.Length];
        var starts = new int[original.Length];
        var ends = new int[original.Length];
        var length = 0;
        var pendingSpace = -1;

        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            if (IsInvisible(c))
            {
                continue;
            }

            c = FoldWidth(c);
            if (char.IsWhiteSpace(c) && c != '\n')
            {
                if (pendingSpace < 0)
                {
                    pendingSpace = i;
                }

                continue;
            }

            if (pendingSpace >= 0)
            {
                if (length > 0 && buffer[length - 1] != '\n' && c != '\n')
                {
                    buffer[length] = ' ';
                    starts[length] = pendingSpace;
                    ends[length] = i;
                    length++;
                }

                pendingSpace = -1;
            }

            if (c == '\n' && length > 0 && buffer[length - 1] == '\n')
            {
                ends[length - 1] = i + 1;
                continue;
            }

            buffer[length] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : char.IsUpper(c) ? char.ToLowerInvariant(c) : c;
            starts[length] = i;
            ends[length] = i + 1;
            length++;
        }

        var text = new string(buffer, 0, length);
        var clauses = ClauseSplitter.Split(text);
        return new NormalizedText(original, text, starts[..length], ends[..length], clauses);
    }

    /// <summary>Full-width forms to ASCII, and typographic quotes to plain ones; other characters unchanged.</summary>
    public static char FoldWidth(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        '\u2018' or '\u2019' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u2033' => '"',
        '\uFFE5' => '¥',
        '\r' => '\n',
        _ => c,
    };

    /// <summary>Applies <see cref="FoldWidth"/> to a whole string (used on the checklist's own patterns).</summary>
    public static string FoldWidth(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = FoldWidth(source[i]);
        }
    });

    private static bool IsInvisible(char c) => c switch
    {
        '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' => true,
        '\u200E' or '\u200F' or '\u061C' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };
}
