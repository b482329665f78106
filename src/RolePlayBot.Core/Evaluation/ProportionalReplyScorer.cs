using RolePlayBot.Core.Checklist;

namespace RolePlayBot.Core.Evaluation;

/// <summary>
/// A minimal stand-in for the rule engine's scorer: each dimension is the share of its behaviours observed,
/// and anti-patterns take points off (blame-shifting and coldness also cap detail). It ignores reply time.
/// </summary>
public sealed class ProportionalReplyScorer : IReplyScorer
{
    private static readonly string[] SpeedItems = [ChecklistItemIds.AcknowledgeReceipt, ChecklistItemIds.TimeCommitment];
    private static readonly string[] DetailItems =
        [ChecklistItemIds.ConcreteSolution, ChecklistItemIds.ClearInformation, ChecklistItemIds.ClarifyingQuestion];
    private static readonly string[] EmotionItems =
        [ChecklistItemIds.AcknowledgeEmotion, ChecklistItemIds.Apology, ChecklistItemIds.PerspectiveTaking, ChecklistItemIds.FollowUpCare];

    public DimensionScores Score(IReadOnlyList<Observation> items, EvaluationRequest request)
    {
        var observed = items.Where(o => o.Observed).Select(o => o.ItemId).ToHashSet(StringComparer.Ordinal);
        var antiPatterns = observed.Count(ChecklistItemIds.AntiPatterns.Contains);
        var speed = Share(SpeedItems, observed);
        var detail = Share(DetailItems, observed);
        if (observed.Contains(ChecklistItemIds.BlameShifting) || observed.Contains(ChecklistItemIds.ColdTone))
        {
            detail = Math.Min(detail, 50);
        }
        var emotion = Math.Max(0, Share(EmotionItems, observed) - (25 * antiPatterns));
        return new DimensionScores(speed, detail, emotion);
    }

    private static int Share(string[] ids, HashSet<string> observed) =>
        (int)Math.Round(100.0 * ids.Count(observed.Contains) / ids.Length);
}
