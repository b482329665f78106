namespace RolePlayBot.Core.Checklist;

/// <summary>How one observed anti-pattern hits the dimension scores.</summary>
/// <param name="Affects">Dimensions the penalty is subtracted from.</param>
/// <param name="Cap">When set, those dimensions can score at most this (a veto), whatever else the reply did.</param>
public sealed record AntiPatternScoring(IReadOnlyList<Dimension> Affects, int? Cap);
