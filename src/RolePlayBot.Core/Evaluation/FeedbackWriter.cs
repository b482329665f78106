using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation.Feedback;

namespace RolePlayBot.Core.Evaluation;

/// <summary>
/// Writes offline feedback in the session's language: a 2–4 sentence critique that quotes the trainee's own words
/// (what hurt first, then what worked, then what was missing), and a suggested reply built from the persona's facts and
/// the items missed. Used by <see cref="RuleEvaluator"/>; reusable with observations from any source.
/// </summary>
public sealed class FeedbackWriter(ChecklistDefinition checklist)
{
    public ReplyFeedback Write(EvaluationRequest request, IReadOnlyList<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(observations);
        var chinese = Locales.IsChinese(request.Locale);
        var byId = new Dictionary<string, Observation>(StringComparer.Ordinal);
        foreach (var observation in observations)
        {
            byId.TryAdd(observation.ItemId, observation);
        }

        var critique = CritiqueWriter.Write(checklist, byId, request.Reply, chinese);
        var kind = IssueClassifier.Classify($"{request.CustomerMessage} {request.Persona?.Scenario}");
        var suggestion = SuggestedReplyWriter.Write(checklist, byId, kind, chinese, request.Persona?.Facts);
        return new ReplyFeedback(critique, suggestion);
    }
}
