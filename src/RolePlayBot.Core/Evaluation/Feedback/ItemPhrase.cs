namespace RolePlayBot.Core.Evaluation.Feedback;

/// <summary>How feedback talks about one checklist item in one language.</summary>
/// <param name="Name">Short name ("明确时限").</param>
/// <param name="Verdict">For a behaviour, why it worked; for an anti-pattern, why it hurts.</param>
/// <param name="Hint">For a missing behaviour: what to add, with an example.</param>
internal sealed record ItemPhrase(string Name, string Verdict, string Hint);
