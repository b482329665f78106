namespace RolePlayBot.Core.Checklist;

/// <summary>The <c>scoring:</c> section of the checklist file: how observations become 0–100 dimension scores.</summary>
/// <param name="Speed">Reply-time thresholds for the speed score.</param>
/// <param name="FullCreditShare">Share of a dimension's behaviour weight one reply needs for 100 (a reply rarely shows them all).</param>
/// <param name="FormulaOnlyFactor">Emotion score multiplier when the reply shows emotion behaviours but no action at all.</param>
/// <param name="AntiPatternPenalty">Points subtracted per unit of an anti-pattern's weight from each dimension it affects.</param>
/// <param name="AntiPatterns">Per anti-pattern: the dimensions it hits and an optional cap (veto).</param>
public sealed record ScoringSettings(
    SpeedScoring Speed,
    double FullCreditShare,
    double FormulaOnlyFactor,
    double AntiPatternPenalty,
    IReadOnlyDictionary<string, AntiPatternScoring> AntiPatterns)
{
    public static ScoringSettings Default { get; } = new(
        SpeedScoring.Default,
        FullCreditShare: 0.6,
        FormulaOnlyFactor: 0.5,
        AntiPatternPenalty: 20,
        new Dictionary<string, AntiPatternScoring>(StringComparer.Ordinal)
        {
            [ChecklistItemIds.BlameShifting] = new([Dimension.Detail, Dimension.Emotion], 40),
            [ChecklistItemIds.ColdTone] = new([Dimension.Speed, Dimension.Emotion], 40),
            [ChecklistItemIds.Impatience] = new([Dimension.Emotion], null),
            [ChecklistItemIds.PresumedBadFaith] = new([Dimension.Emotion], 50),
        });

    /// <summary>How an anti-pattern without its own entry is scored: it hits emotion, no cap.</summary>
    public AntiPatternScoring For(string itemId) =>
        AntiPatterns.TryGetValue(itemId, out var scoring) ? scoring : new AntiPatternScoring([Dimension.Emotion], null);
}
