using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Customers;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Mood;

namespace RolePlayBot.Core.Sessions;

/// <summary>
/// The parts a session is built from. <see cref="Rules"/> is always the rule engine: its observations move the
/// mood and steer the customer at once, while <see cref="Evaluator"/> (the rules again offline, or rules plus the
/// model judge) produces the critique concurrently with the customer's reply, so a model turn costs one round trip.
/// </summary>
public sealed record PracticeEngines(
    ChecklistDefinition Checklist,
    IReplyEvaluator Rules,
    IReplyEvaluator Evaluator,
    ICustomerEngine Customer)
{
    public MoodModel Mood { get; } = new(Checklist);

    /// <summary>True when the evaluator is the rule engine itself (offline): its verdict is reused, not recomputed.</summary>
    public bool EvaluatorIsRules => ReferenceEquals(Rules, Evaluator);
}
