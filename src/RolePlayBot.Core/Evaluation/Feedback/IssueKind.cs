namespace RolePlayBot.Core.Evaluation.Feedback;

/// <summary>What the customer's problem is about, as far as the suggested reply needs to know.</summary>
internal enum IssueKind
{
    General,
    Delivery,
    Gift,
    Allergy,
    Size,
    PriceDrop,
    WrongItem,
    Damaged,
    Refund,
}
