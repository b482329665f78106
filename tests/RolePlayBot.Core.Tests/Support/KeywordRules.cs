using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;

namespace RolePlayBot.Core.Tests.Support;

/// <summary>
/// A hand-written stand-in for the rule engine: an item is observed when the reply contains "[item_id]".
/// Lets session tests say exactly which behaviours a reply shows.
/// </summary>
internal sealed class KeywordRules : IReplyEvaluator
{
    public int Calls { get; private set; }

    public Task<ReplyEvaluation> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken = default)
    {
        Calls++;
        var items = ChecklistItemIds.All
            .Select(id => request.Reply.Contains($"[{id}]", StringComparison.Ordinal)
                ? new Observation(id, true, $"[{id}]", ObservationSources.Rules)
                : new Observation(id, false, null, ObservationSources.Rules))
            .ToList();
        var good = items.Count(o => o.Observed && !ChecklistItemIds.AntiPatterns.Contains(o.ItemId));
        var score = Math.Min(100, good * 20);
        return Task.FromResult(new ReplyEvaluation(items, new DimensionScores(score, score, score), "critique", "better", false, []));
    }
}
