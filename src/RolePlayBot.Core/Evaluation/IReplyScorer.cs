namespace RolePlayBot.Core.Evaluation;

/// <summary>
/// Turns a reply's observations into dimension scores. The judge re-scores after fusing the model's
/// observations with the rules', so it needs the same scoring the rule engine uses; this is that seam.
/// </summary>
public interface IReplyScorer
{
    DimensionScores Score(IReadOnlyList<Observation> items, EvaluationRequest request);
}
