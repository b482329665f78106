namespace RolePlayBot.Core.Evaluation;

/// <summary>The evaluator's verdict on one trainee reply.</summary>
/// <param name="Items">One observation for every checklist item, in checklist order.</param>
/// <param name="Scores">Dimension scores for this reply.</param>
/// <param name="Critique">A short critique in the session's language that quotes the reply.</param>
/// <param name="SuggestedReply">A better reply (from the model, or built offline from the persona's facts and the items missed).</param>
/// <param name="InjectionSuspected">True when the reply tried to instruct the judge; the attempt earns nothing.</param>
/// <param name="Diagnostics">What went wrong on the way (a malformed judge answer, a dropped quote), for logs and the JSON.</param>
public sealed record ReplyEvaluation(
    IReadOnlyList<Observation> Items,
    DimensionScores Scores,
    string Critique,
    string? SuggestedReply,
    bool InjectionSuspected,
    IReadOnlyList<string> Diagnostics)
{
    /// <summary>
    /// True when a model judge was asked but gave no usable verdict (failed, timed out, answered garbage, or its
    /// circuit was open), so these are the rules' findings alone; the trainee is told the offline engine judged.
    /// </summary>
    public bool FellBackToRules { get; init; }

    public bool IsObserved(string itemId) => Items.Any(o => o.ItemId == itemId && o.Observed);

    public Observation? Find(string itemId) => Items.FirstOrDefault(o => o.ItemId == itemId);
}
