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

        var segments = new List<string>();
        foreach (var id in Order)
        {
            var own = byId.GetValueOrDefault(id) is { Observed: true, Evidence: { } evidence }
                && !tainted.Any(t => t.Contains(evidence, StringComparison.Ordinal) || evidence.Contains(t, StringComparison.Ordinal))
                ? evidence.Trim().TrimEnd(Trailing)
                : null;
            var segment = own is { Length: > 0 } ? own : ReplyTemplates.Sentence(id, kind, chinese, facts);
            if (segment is not null && !segments.Any(s => s.Contains(segment, StringComparison.Ordinal)))
            {
                segments.Add(segment);
            }
        }

        return chinese ? JoinChinese(segments) : JoinEnglish(segments);
    }

    private static string JoinChinese(List<string> segments)
    {
        var text = new StringBuilder();
        if (segments.Count == 0 || !segments[0].StartsWith('亲'))
        {
            text.Append("亲，");
        }

        foreach (var segment in segments)
        {
            text.Append(segment);
            if (!segment.EndsWith('？') && !segment.EndsWith('?'))
            {
                text.Append(IsQuestion(segment) ? "？" : "。");
            }
        }

        return text.ToString();
    }

    private static string JoinEnglish(List<string> segments)
    {
        var text = new StringBuilder();
        foreach (var segment in segments)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToUpperInvariant(segment[0])).Append(segment.AsSpan(1));
            if (!segment.EndsWith('?') && !segment.EndsWith('!'))
            {
                text.Append('.');
            }
        }

        return text.ToString();
    }

    private static bool IsQuestion(string segment) => segment.EndsWith('吗') || segment.EndsWith('呢');
}
