using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Personas;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Core.Customers;

/// <summary>
/// A run of older turns in one line, from their records rather than their words: what the agent did and how often,
/// which anti-patterns showed, what they promised (quoted, so the customer can hold them to it), which needs they met
/// and how often the customer had to chase. Deterministic, with no model call: the same turns always give the same
/// text, so the prompt prefix stays cacheable, and the line's length is bounded however many turns it covers.
/// </summary>
public static class BlockSummary
{
    /// <summary>The longest quote of one promise.</summary>
    public const int MaxPromiseChars = 80;

    /// <summary>Promises quoted per line (the latest ones: they are what the customer holds the agent to).</summary>
    public const int MaxPromises = 3;

    private static readonly string[] PromiseItems = [ChecklistItemIds.TimeCommitment, ChecklistItemIds.ConcreteSolution, ChecklistItemIds.FollowUpCare];

    /// <param name="first">The first turn's number.</param>
    /// <param name="last">The last turn's number.</param>
    /// <param name="records">The session's turn records by number; turns without one are counted as replies only.</param>
    public static string Of(int first, int last, IReadOnlyDictionary<int, Turn> records, Persona persona, bool chinese)
    {
        var locale = chinese ? Locales.Chinese : Locales.English;
        var turns = Enumerable.Range(first, last - first + 1).Select(i => records.GetValueOrDefault(i)).OfType<Turn>().ToList();
        var counts = turns
            .SelectMany(t => t.Evaluation.Items.Where(o => o.Observed).Select(o => o.ItemId).Distinct(StringComparer.Ordinal))
            .GroupBy(id => id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ordered = ChecklistItemIds.All.Where(counts.ContainsKey).Concat(counts.Keys.Where(k => !ChecklistItemIds.All.Contains(k)).Order(StringComparer.Ordinal));
        var good = ordered.Where(id => !ChecklistItemIds.AntiPatterns.Contains(id)).Select(id => Counted(ItemNames.Of(id, locale), counts[id])).ToList();
        var bad = ordered.Where(id => ChecklistItemIds.AntiPatterns.Contains(id)).Select(id => Counted(ItemNames.Of(id, locale), counts[id])).ToList();
        var promises = turns
            .SelectMany(t => PromiseItems.Select(t.Evaluation.Find))
            .Where(o => o is { Observed: true, Evidence.Length: > 0 })
            .Select(o => QuotedText.Quote(o!.Evidence!, MaxPromiseChars, chinese))
            .Distinct(StringComparer.Ordinal)
            .TakeLast(MaxPromises)
            .ToList();
        var needs = turns
            .SelectMany(t => t.NeedsMet)
            .Distinct(StringComparer.Ordinal)
            .Select(id => persona.HiddenNeeds.FirstOrDefault(n => string.Equals(n.Id, id, StringComparison.Ordinal))?.Description ?? id)
            .ToList();
        var chased = turns.Sum(t => t.Chasers.Count);

        var parts = new List<string>();
        parts.Add(good.Count > 0
            ? (chinese ? "客服做到了 " + string.Join("、", good) : "the agent showed " + string.Join(", ", good).ToLowerInvariant())
            : (chinese ? "客服没有做到任何要点" : "the agent showed none of the good behaviours"));
        if (bad.Count > 0)
        {
            parts.Add(chinese ? "出现过 " + string.Join("、", bad) : "but also " + string.Join(", ", bad).ToLowerInvariant());
        }
        if (promises.Count > 0)
        {
            parts.Add(chinese
                ? "承诺过 " + string.Join("、", promises.Select(p => $"“{p}”"))
                : "promised " + string.Join(", ", promises.Select(p => $"\"{p}\"")));
        }
        if (needs.Count > 0)
        {
            parts.Add(chinese ? "满足了你的需求：" + string.Join("、", needs) : "met your needs: " + string.Join("; ", needs));
        }
        if (chased > 0)
        {
            parts.Add(chinese ? $"你催过 {chased} 次" : $"you chased {chased} time{(chased == 1 ? "" : "s")}");
        }

        var span = first == last
            ? (chinese ? $"第{first}轮" : $"Turn {first}")
            : (chinese ? $"第{first}–{last}轮" : $"Turns {first}–{last}");
        return chinese ? $"{span}：{string.Join("；", parts)}。" : $"{span}: {string.Join("; ", parts)}.";
    }

    private static string Counted(string name, int count) => count > 1 ? $"{name}×{count}" : name;
}
