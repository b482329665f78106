using System.Text.RegularExpressions;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Text;

namespace RolePlayBot.Core.Evaluation;

/// <summary>One checklist detector with its patterns joined into one compiled regex (one scan per reply, not one per phrase).</summary>
internal sealed class CompiledDetector
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    // A guard against pathological backtracking only. A tight limit (250 ms was tried) is hit by an ordinary
    // match on a loaded 2-core machine while the compiled regex is still being jitted, which silently dropped
    // a detector and made verdicts depend on load.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public CompiledDetector(int itemIndex, Detector detector)
    {
        ItemIndex = itemIndex;
        Name = detector.Name;
        Pattern = Join(detector.Patterns)!;
        Unless = Join(detector.Unless);
        Requires = Join(detector.Requires ?? []);
        UnlessWholeReply = string.Equals(detector.UnlessScope, "reply", StringComparison.Ordinal);
        BothLanguages = detector.Locale == "any";
        ReadsWholeReply = detector.Patterns.Any(p => p.StartsWith('^') || p.StartsWith("(^", StringComparison.Ordinal) || p.EndsWith('$'));
    }

    /// <summary>A detector of both languages' sets (locale "any").</summary>
    public bool BothLanguages { get; }

    /// <summary>A pattern anchored to the reply's start or end: it judges the reply's shape, not a phrase in it.</summary>
    public bool ReadsWholeReply { get; }

    public int ItemIndex { get; }

    public string Name { get; }

    public Regex Pattern { get; }

    public Regex? Unless { get; }

    public Regex? Requires { get; }

    public bool UnlessWholeReply { get; }

    /// <summary>The first hit that survives <see cref="Unless"/> and <see cref="Requires"/>, or null.</summary>
    public RuleHit? FindHit(NormalizedText text)
    {
        var input = text.Text.AsSpan();
        if (Requires is not null && !Requires.IsMatch(input))
        {
            return null;
        }

        if (UnlessWholeReply && Unless is not null && Unless.IsMatch(input))
        {
            return null;
        }

        foreach (var match in Pattern.EnumerateMatches(input))
        {
            if (match.Length == 0)
            {
                continue;
            }

            var span = new TextSpan(match.Index, match.Index + match.Length);
            var first = text.ClauseAt(span.Start);
            var last = text.ClauseAt(span.End - 1);
            var clause = new TextSpan(Math.Min(first.Start, span.Start), Math.Max(last.End, span.End));
            if (!UnlessWholeReply && Unless is not null && Unless.IsMatch(input[clause.Start..clause.End]))
            {
                continue;
            }

            return new RuleHit(ItemIndex, span, clause);
        }

        return null;
    }

    private static Regex? Join(IReadOnlyList<string> patterns) => patterns.Count == 0
        ? null
        : new Regex(string.Join('|', patterns.Select(p => $"(?:{TextNormalizer.FoldWidth(p)})")), Options, Timeout);
}
