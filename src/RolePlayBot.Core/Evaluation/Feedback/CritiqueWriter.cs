using System.Text;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Text;

namespace RolePlayBot.Core.Evaluation.Feedback;

/// <summary>The critique: anti-patterns first (quoted), then what worked (quoted), then up to three things to add.</summary>
internal static class CritiqueWriter
{
    private static readonly string[] MissingPriority =
    [
        ChecklistItemIds.ConcreteSolution, ChecklistItemIds.TimeCommitment, ChecklistItemIds.AcknowledgeEmotion,
        ChecklistItemIds.Apology, ChecklistItemIds.AcknowledgeReceipt, ChecklistItemIds.FollowUpCare,
        ChecklistItemIds.ClearInformation, ChecklistItemIds.PerspectiveTaking, ChecklistItemIds.ClarifyingQuestion,
    ];

    public static string Write(ChecklistDefinition checklist, IReadOnlyDictionary<string, Observation> byId, string reply, bool chinese)
    {
        var text = new StringBuilder();
        var anti = Observed(checklist, byId, antiPatterns: true).Take(2).ToList();
        for (var i = 0; i < anti.Count; i++)
        {
            var (item, evidence) = anti[i];
            var phrase = FeedbackPhrases.For(item, chinese);
            var sameQuote = i > 0 && anti[0].Evidence == evidence;
            text.Append((chinese, sameQuote) switch
            {
                (true, true) => $"这句话也{phrase.Verdict}。",
                (true, false) => $"「{evidence}」{(i > 0 ? "也" : "")}{phrase.Verdict}。",
                (false, true) => $"It also {phrase.Verdict}. ",
                (false, false) => $"“{evidence}” {(i > 0 ? "also " : "")}{phrase.Verdict}. ",
            });
        }

        var good = Observed(checklist, byId, antiPatterns: false).Take(2).ToList();
        if (good.Count > 0)
        {
            text.Append(Praise(good, chinese));
        }
        else if (anti.Count == 0)
        {
            var quote = FirstClause(reply);
            text.Append(chinese
                ? $"「{quote}」还没有体现清单里的任何一项做法。"
                : $"“{quote}” doesn't yet show any of the checklist behaviours. ");
        }

        var missing = Missing(checklist, byId, anti.Count > 0 ? 2 : 3, chinese);
        if (missing.Count > 0)
        {
            text.Append(chinese ? $"还可以补上：{string.Join("；", missing)}。" : $"Still missing: {string.Join("; ", missing)}.");
        }

        return text.ToString().Trim();
    }

    private static string Praise(List<(ChecklistItem Item, string Evidence)> good, bool chinese)
    {
        var first = FeedbackPhrases.For(good[0].Item, chinese);
        if (good.Count == 1)
        {
            return chinese ? $"「{good[0].Evidence}」{first.Verdict}，这点做得好。" : $"“{good[0].Evidence}” {first.Verdict} — good. ";
        }

        var second = FeedbackPhrases.For(good[1].Item, chinese);
        if (good[0].Evidence == good[1].Evidence)
        {
            return chinese
                ? $"「{good[0].Evidence}」{first.Verdict}，也{second.Verdict}，这点做得好。"
                : $"“{good[0].Evidence}” {first.Verdict} and {second.Verdict} — good. ";
        }

        return chinese
            ? $"「{good[0].Evidence}」{first.Verdict}，「{good[1].Evidence}」{second.Verdict}，这些做得好。"
            : $"“{good[0].Evidence}” {first.Verdict}, and “{good[1].Evidence}” {second.Verdict} — good. ";
    }

    private static IEnumerable<(ChecklistItem Item, string Evidence)> Observed(
        ChecklistDefinition checklist, IReadOnlyDictionary<string, Observation> byId, bool antiPatterns) =>
        checklist.Items
            .Where(i => i.IsAntiPattern == antiPatterns)
            .Select(i => (Item: i, Obs: byId.GetValueOrDefault(i.Id)))
            .Where(x => x.Obs is { Observed: true, Evidence.Length: > 0 })
            .OrderByDescending(x => x.Item.Weight)
            .Select(x => (x.Item, x.Obs!.Evidence!));

    private static List<string> Missing(ChecklistDefinition checklist, IReadOnlyDictionary<string, Observation> byId, int count, bool chinese)
    {
        var ordered = MissingPriority
            .Select(id => checklist.TryGet(id, out var item) ? item : null)
            .Concat(checklist.Items.Where(i => !ChecklistItemIds.All.Contains(i.Id)))
            .OfType<ChecklistItem>()
            .Where(i => !i.IsAntiPattern && byId.GetValueOrDefault(i.Id) is not { Observed: true });
        return ordered.Take(count).Select(i => FeedbackPhrases.For(i, chinese).Hint).Where(h => h.Length > 0).ToList();
    }

    /// <summary>The reply's first clause, exactly as typed (the whole reply when it has no clause).</summary>
    private static string FirstClause(string reply)
    {
        var text = TextNormalizer.Normalize(reply);
        return text.Clauses.Count == 0 ? reply.Trim() : text.OriginalSubstring(text.Clauses[0]);
    }
}
