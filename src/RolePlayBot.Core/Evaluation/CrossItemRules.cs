namespace RolePlayBot.Core.Evaluation;

/// <summary>
/// The few judgements that need more than one item's phrases, kept in code because they are about the reply as a whole.
/// </summary>
internal static class CrossItemRules
{
    public static void Apply(CompiledChecklist compiled, RuleHit?[] hits)
    {
        DismissiveBlameIsCold(compiled, hits);
    }

    /// <summary>
    /// Pushing the problem away and offering nothing at all (no action, no empathy) is dismissive: cold_tone as well as
    /// blame_shifting. When the reply is openly hostile instead (impatience, bad faith) those items already say so.
    /// </summary>
    private static void DismissiveBlameIsCold(CompiledChecklist compiled, RuleHit?[] hits)
    {
        if (compiled.ColdToneIndex < 0 || compiled.BlameShiftingIndex < 0
            || hits[compiled.ColdToneIndex] is not null || hits[compiled.BlameShiftingIndex] is not { } blame)
        {
            return;
        }

        if (IsSet(hits, compiled.ImpatienceIndex) || IsSet(hits, compiled.BadFaithIndex))
        {
            return;
        }

        var items = compiled.Checklist.Items;
        for (var i = 0; i < items.Count; i++)
        {
            if (!items[i].IsAntiPattern && hits[i] is not null)
            {
                return;
            }
        }

        hits[compiled.ColdToneIndex] = blame with { ItemIndex = compiled.ColdToneIndex };
    }

    private static bool IsSet(RuleHit?[] hits, int index) => index >= 0 && hits[index] is not null;
}
