using System.Text.RegularExpressions;

namespace RolePlayBot.Core.Evaluation;

/// <summary>
/// The few judgements that need more than one item's phrases, kept in code because they are about the reply as a whole.
/// </summary>
internal static class CrossItemRules
{
    /// <summary>A status the customer can use ("快递在路上", "it's on the way"): an irritated reply that still says where things stand is not also cold.</summary>
    private static readonly Regex Status = new(@"在路上|已(经)?(发货|发出|签收|到账|退回)|\bon (its|the) way\b|\b(has |have |was )?(shipped|delivered|dispatched)\b|\bbeing processed\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    public static void Apply(CompiledChecklist compiled, RuleHit?[] hits, string text)
    {
        DismissiveBlameIsCold(compiled, hits);
        BareIrritationIsCold(compiled, hits, text);
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

        if (AnyBehaviour(compiled, hits))
        {
            return;
        }

        hits[compiled.ColdToneIndex] = blame with { ItemIndex = compiled.ColdToneIndex };
    }

    /// <summary>
    /// Irritation and nothing else (no action, no information, not even a status) brushes the customer off: cold_tone as
    /// well as impatience. Irritation that blames instead ("你是不是没看清楚说明？") is left to blame_shifting. "我都说了多少遍了，快递在路上！" still tells them where the parcel is, so it is only impatient.
    /// </summary>
    private static void BareIrritationIsCold(CompiledChecklist compiled, RuleHit?[] hits, string text)
    {
        if (compiled.ColdToneIndex < 0 || compiled.ImpatienceIndex < 0
            || hits[compiled.ColdToneIndex] is not null || hits[compiled.ImpatienceIndex] is not { } irritation)
        {
            return;
        }

        if (IsSet(hits, compiled.BlameShiftingIndex) || AnyBehaviour(compiled, hits) || Status.IsMatch(text))
        {
            return;
        }

        hits[compiled.ColdToneIndex] = irritation with { ItemIndex = compiled.ColdToneIndex };
    }

    private static bool AnyBehaviour(CompiledChecklist compiled, RuleHit?[] hits)
    {
        var items = compiled.Checklist.Items;
        for (var i = 0; i < items.Count; i++)
        {
            if (!items[i].IsAntiPattern && hits[i] is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSet(RuleHit?[] hits, int index) => index >= 0 && hits[index] is not null;
}
