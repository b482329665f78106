namespace RolePlayBot.Core.Personas.Loading;

/// <summary>Levenshtein distance, for "did you mean …?" hints on misspelt field names and ids.</summary>
internal static class EditDistance
{
    /// <summary>The candidate close enough to <paramref name="text"/> to be what was meant, or null.</summary>
    public static string? Nearest(string text, IEnumerable<string> candidates)
    {
        var nearest = candidates.MinBy(c => Between(c, text));
        return nearest is not null && Between(nearest, text) <= Math.Max(2, text.Length / 3) ? nearest : null;
    }

    public static int Between(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
