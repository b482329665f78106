namespace RolePlayBot.Core.Text;

/// <summary>
/// A reply after <see cref="TextNormalizer"/>: the matching form, its clauses, and a map back to the original,
/// so every span found on <see cref="Text"/> can be shown as the exact words the trainee typed.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] _originalStart;
    private readonly int[] _originalEnd;

    internal NormalizedText(string original, string text, int[] originalStart, int[] originalEnd, IReadOnlyList<TextSpan> clauses)
    {
        Original = original;
        Text = text;
        _originalStart = originalStart;
        _originalEnd = originalEnd;
        Clauses = clauses;
    }

    /// <summary>What the trainee typed.</summary>
    public string Original { get; }

    /// <summary>Half-width, lower-case Latin, invisible characters removed, whitespace collapsed.</summary>
    public string Text { get; }

    /// <summary>Clauses of <see cref="Text"/>, without their delimiters, in order.</summary>
    public IReadOnlyList<TextSpan> Clauses { get; }

    /// <summary>The clause containing a position of <see cref="Text"/> (the nearest one before it when on a delimiter).</summary>
    public TextSpan ClauseAt(int index)
    {
        var best = new TextSpan(0, Text.Length);
        foreach (var clause in Clauses)
        {
            if (clause.Start > index)
            {
                break;
            }

            best = clause;
            if (clause.Contains(index))
            {
                break;
            }
        }

        return best;
    }

    /// <summary>Maps a span of <see cref="Text"/> to the span of <see cref="Original"/> that produced it.</summary>
    public TextSpan ToOriginal(TextSpan span)
    {
        if (span.Length <= 0 || Text.Length == 0)
        {
            return new TextSpan(0, 0);
        }

        var start = Math.Clamp(span.Start, 0, Text.Length - 1);
        var last = Math.Clamp(span.End - 1, start, Text.Length - 1);
        return new TextSpan(_originalStart[start], _originalEnd[last]);
    }

    /// <summary>The exact substring of <see cref="Original"/> behind a span of <see cref="Text"/>.</summary>
    public string OriginalSubstring(TextSpan span)
    {
        var original = ToOriginal(span);
        return Original.Substring(original.Start, original.Length);
    }
}
