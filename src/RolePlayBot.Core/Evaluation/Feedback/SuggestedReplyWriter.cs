using System.Text;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Personas;

namespace RolePlayBot.Core.Evaluation.Feedback;

/// <summary>
/// Builds the better reply: for each behaviour in a natural order, the trainee's own words where they already did it well
/// (and those words carry no anti-pattern), otherwise a model sentence for the problem at hand.
/// </summary>
internal static class SuggestedReplyWriter
{
    private static readonly string[] Order =
    [
        ChecklistItemIds.AcknowledgeEmotion, ChecklistItemIds.Apology, ChecklistItemIds.PerspectiveTaking,
        ChecklistItemIds.AcknowledgeReceipt, ChecklistItemIds.ClarifyingQuestion, ChecklistItemIds.ConcreteSolution,
        ChecklistItemIds.ClearInformation, ChecklistItemIds.TimeCommitment, ChecklistItemIds.FollowUpCare,
    ];

    private static readonly char[] Trailing = ['。', '，', ',', '.', '!', '！', '~', '～', ' ', '；', ';', '、'];

    public static string Write(
        ChecklistDefinition checklist, IReadOnlyDictionary<string, Observation> byId, IssueKind kind, bool chinese, OrderFacts? facts)
    {
        var tainted = checklist.Items
            .Where(i => i.IsAntiPattern && byId.GetValueOrDefault(i.Id) is { Observed: true, Evidence: not null })
            .Select(i => byId[i.Id].Evidence!)
            .ToList();

        // Once the trainee has acted (a solution or facts), asking for the order number again reads oddly.
        var alreadyActed = IsObserved(byId, ChecklistItemIds.ConcreteSolution) || IsObserved(byId, ChecklistItemIds.ClearInformation);
        var segments = new List<(string Text, bool Own)>();
        foreach (var id in Order)
        {
            var own = byId.GetValueOrDefault(id) is { Observed: true, Evidence: { } evidence }
                && !tainted.Any(t => t.Contains(evidence, StringComparison.Ordinal) || evidence.Contains(t, StringComparison.Ordinal))
                ? evidence.Trim().TrimEnd(Trailing)
                : null;
            var segment = own is { Length: > 0 } ? own
                : id == ChecklistItemIds.ClarifyingQuestion && alreadyActed ? null
                : ReplyTemplates.Sentence(id, kind, chinese, facts);
            if (segment is not null && !segments.Any(s => s.Text.Contains(segment, StringComparison.Ordinal)))
            {
                segments.Add((segment, own is { Length: > 0 }));
            }
        }

        return chinese ? JoinChinese(segments) : JoinEnglish(segments);
    }

    /// <summary>Consecutive clauses of the trainee's own reply are joined with a comma, as they were typed.</summary>
    private static string JoinChinese(List<(string Text, bool Own)> segments)
    {
        var text = new StringBuilder();
        if (segments.Count == 0 || !segments[0].Text.StartsWith('亲'))
        {
            text.Append("亲，");
        }

        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i].Text;
            text.Append(segment);
            if (segment.EndsWith('？') || segment.EndsWith('?'))
            {
                continue;
            }

            var continues = segments[i].Own && i + 1 < segments.Count && segments[i + 1].Own;
            text.Append(IsChineseQuestion(segment) ? "？" : continues ? "，" : "。");
        }

        return text.ToString();
    }

    private static string JoinEnglish(List<(string Text, bool Own)> segments)
    {
        var text = new StringBuilder();
        foreach (var (segment, _) in segments)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToUpperInvariant(segment[0])).Append(segment.AsSpan(1));
            if (!segment.EndsWith('?') && !segment.EndsWith('!'))
            {
                text.Append(IsEnglishQuestion(segment) ? '?' : '.');
            }
        }

        return text.ToString();
    }

    private static bool IsObserved(IReadOnlyDictionary<string, Observation> byId, string id) => byId.GetValueOrDefault(id) is { Observed: true };

    private static bool IsChineseQuestion(string segment) => segment.EndsWith('吗') || segment.EndsWith('呢');

    private static bool IsEnglishQuestion(string segment) =>
        QuestionStarts.Any(q => segment.StartsWith(q, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] QuestionStarts =
        ["could ", "can ", "would ", "what ", "which ", "when ", "where ", "how ", "do ", "did ", "is ", "are ", "may ", "have "];
}
