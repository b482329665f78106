namespace RolePlayBot.Core.Evaluation;

/// <summary>Judges one trainee reply against the checklist: the rule engine, or rules plus a model judge.</summary>
public interface IReplyEvaluator
{
    Task<ReplyEvaluation> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken = default);
}
