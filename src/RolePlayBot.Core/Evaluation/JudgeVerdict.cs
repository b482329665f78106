namespace RolePlayBot.Core.Evaluation;

/// <summary>The model judge's answer, as parsed and before any check against the reply or the rules.</summary>
public sealed record JudgeVerdict(
    IReadOnlyList<JudgeItem> Items,
    string? Critique,
    string? SuggestedReply,
    bool InjectionSuspected,
    IReadOnlyList<string> Problems);

/// <summary>One checklist item as the model judged it.</summary>
public sealed record JudgeItem(string Id, bool Observed, string? Evidence);
