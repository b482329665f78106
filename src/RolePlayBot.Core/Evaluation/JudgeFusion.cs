using RolePlayBot.Core.Checklist;

namespace RolePlayBot.Core.Evaluation;

/// <summary>
/// Merges the model judge's verdict with the rule engine's evaluation. The model may refine what the rules
/// saw, but it can only use what it can quote from the reply, cannot clear an anti-pattern the rules saw,
/// and on a reply suspected of injection can only take points away.
/// </summary>
public static class JudgeFusion
{
    public static ReplyEvaluation Fuse(
        EvaluationRequest request,
        ReplyEvaluation rules,
        JudgeVerdict verdict,
        bool injectionSuspected,
        IReplyScorer scorer,
        IReadOnlyList<string> diagnostics)
    {
        var notes = new List<string>(diagnostics);
        notes.AddRange(verdict.Problems);
        var known = ChecklistItemIds.All.ToHashSet(StringComparer.Ordinal);
        var byId = new Dictionary<string, JudgeItem>(StringComparer.Ordinal);
        foreach (var item in verdict.Items)
        {
            if (!known.Contains(item.Id))
            {
                notes.Add($"judge returned unknown item '{JudgeVerdictParser.Shorten(item.Id)}'; ignored");
            }
            else if (!byId.TryAdd(item.Id, item))
            {
                notes.Add($"judge returned '{item.Id}' twice; the first was used");
            }
        }

        var ruleItems = rules.Items.ToList();
        ruleItems.AddRange(ChecklistItemIds.All
            .Where(id => rules.Find(id) is null)
            .Select(id => new Observation(id, false, null, ObservationSources.Rules)));

        var fused = ruleItems
            .Select(rule => known.Contains(rule.ItemId) ? FuseItem(request.Reply, rule, byId.GetValueOrDefault(rule.ItemId), injectionSuspected, notes) : rule)
            .ToList();

        var sameAsRules = fused.Select(o => o.Observed).SequenceEqual(ruleItems.Select(o => o.Observed));
        var scores = sameAsRules ? rules.Scores : scorer.Score(fused, request);
        if (injectionSuspected)
        {
            scores = new DimensionScores(
                Math.Min(scores.Speed, rules.Scores.Speed),
                Math.Min(scores.Detail, rules.Scores.Detail),
                Math.Min(scores.Emotion, rules.Scores.Emotion));
        }

        return new ReplyEvaluation(
            fused,
            scores,
            verdict.Critique ?? rules.Critique,
            verdict.SuggestedReply ?? rules.SuggestedReply,
            injectionSuspected || rules.InjectionSuspected,
            notes);
    }

    private static Observation FuseItem(string reply, Observation rule, JudgeItem? judged, bool injectionSuspected, List<string> notes)
    {
        if (judged is null)
        {
            notes.Add($"judge omitted '{rule.ItemId}'; the rules' observation was used");
            return rule;
        }

        var evidence = judged.Evidence?.Trim();
        if (judged.Observed && (string.IsNullOrEmpty(evidence) || !reply.Contains(evidence, StringComparison.Ordinal)))
        {
            notes.Add(string.IsNullOrEmpty(evidence)
                ? $"judge marked '{rule.ItemId}' observed without a quote; the rules' observation was used"
                : $"judge's quote for '{rule.ItemId}' is not in the reply (\"{JudgeVerdictParser.Shorten(evidence)}\"); the rules' observation was used");
            return rule;
        }

        var model = new Observation(rule.ItemId, judged.Observed, judged.Observed ? evidence : null, ObservationSources.Llm);
        if (ChecklistItemIds.AntiPatterns.Contains(rule.ItemId))
        {
            // Veto: an anti-pattern the rules found stays, whatever the model thinks.
            return rule.Observed ? rule : model;
        }
        if (injectionSuspected && model.Observed && !rule.Observed)
        {
            notes.Add($"judge saw '{rule.ItemId}' but the reply is suspected of injection and the rules did not; not counted");
            return rule;
        }
        return model;
    }
}
