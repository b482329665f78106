using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Personas;

namespace RolePlayBot.Core.Mood;

/// <summary>
/// The one mood model both engines share: the checklist items observed in a reply, the time the customer
/// waited, and the persona's difficulty move anger and patience. A persona's own reaction to an item is used
/// exactly as its file says; the checklist's default effects, waiting, the cost of each turn and the reward
/// for a met need are bent by difficulty (see <see cref="DifficultyScale"/>). Deterministic and explained
/// change by change.
/// </summary>
public sealed class MoodModel(ChecklistDefinition checklist)
{
    /// <summary>Anger added per 30 seconds of waiting past the chase threshold, before difficulty.</summary>
    private const double AngerPerWaitStep = 4;
    private const double PatiencePerWaitStep = 5;
    private const double WaitStepSeconds = 30;

    public static MoodState Initial(Persona persona) => MoodState.Clamp(persona.Mood.Anger, persona.Mood.Patience);

    /// <summary>The effect of one observed item for this persona, before difficulty scaling.</summary>
    public MoodEffect EffectOf(Persona persona, string itemId)
    {
        if (persona.Reactions.TryGetValue(itemId, out var reaction))
        {
            return reaction;
        }

        return checklist.TryGet(itemId, out var item) ? item.MoodEffect : MoodEffect.None;
    }

    /// <summary>Moves the mood for one trainee reply.</summary>
    /// <param name="persona">The customer.</param>
    /// <param name="before">Mood before the reply.</param>
    /// <param name="evaluation">Observations on the reply.</param>
    /// <param name="priorCounts">How often each item was observed in earlier turns: repeated behaviour counts less (a third apology calms less than the first).</param>
    /// <param name="unaccountedWait">Waiting past the chase threshold not yet charged (see <see cref="Wait"/>).</param>
    /// <param name="needsMetThisTurn">Hidden needs the reply met.</param>
    public MoodStep Reply(
        Persona persona,
        MoodState before,
        ReplyEvaluation evaluation,
        IReadOnlyDictionary<string, int> priorCounts,
        TimeSpan unaccountedWait,
        int needsMetThisTurn)
    {
        var changes = new List<MoodChange>();
        var helpful = false;
        foreach (var observation in evaluation.Items)
        {
            if (!observation.Observed)
            {
                continue;
            }

            // A reaction the persona's author wrote is used as written (they chose it for this customer's
            // difficulty); the checklist's defaults are bent by difficulty.
            var own = persona.Reactions.TryGetValue(observation.ItemId, out var reaction);
            var effect = own ? reaction! : EffectOf(persona, observation.ItemId);
            var isAnti = checklist.TryGet(observation.ItemId, out var item) ? item.IsAntiPattern : ChecklistItemIds.AntiPatterns.Contains(observation.ItemId);
            helpful |= !isAnti;
            priorCounts.TryGetValue(observation.ItemId, out var seen);
            // Good behaviour wears off when repeated; bad behaviour does not.
            var repeat = isAnti ? 1.0 : 1.0 / (1 << Math.Min(seen, 3));
            var change = own
                ? Scale(3, observation.ItemId, effect.Anger * repeat, effect.Patience * repeat, neutral: true)
                : Scale(persona.Difficulty, observation.ItemId, effect.Anger * repeat, effect.Patience * repeat);
            if (change.Anger != 0 || change.Patience != 0)
            {
                changes.Add(change);
            }
        }

        if (needsMetThisTurn > 0)
        {
            changes.Add(Scale(persona.Difficulty, MoodCauses.NeedMet, -6 * needsMetThisTurn, 4 * needsMetThisTurn));
        }
        else if (!helpful)
        {
            changes.Add(Scale(persona.Difficulty, MoodCauses.NothingHelpful, 5, -4));
        }

        var wait = WaitChange(persona, unaccountedWait);
        if (wait is not null)
        {
            changes.Add(wait);
        }

        changes.Add(new MoodChange(MoodCauses.TurnCost, 0, -DifficultyScale.PatiencePerTurn(persona.Difficulty)));
        return Step(before, changes);
    }

    /// <summary>Moves the mood for waiting alone (the customer chased before the reply came).</summary>
    public MoodStep Wait(Persona persona, MoodState before, TimeSpan waitPastThreshold)
    {
        var change = WaitChange(persona, waitPastThreshold);
        return Step(before, change is null ? [] : [change]);
    }

    private static MoodChange? WaitChange(Persona persona, TimeSpan waitPastThreshold)
    {
        if (waitPastThreshold <= TimeSpan.Zero)
        {
            return null;
        }

        var steps = waitPastThreshold.TotalSeconds / WaitStepSeconds;
        var factor = DifficultyScale.Aggravating(persona.Difficulty);
        return new MoodChange(
            MoodCauses.Waiting,
            (int)Math.Round(steps * AngerPerWaitStep * factor),
            -(int)Math.Round(steps * PatiencePerWaitStep * factor));
    }

    private static MoodChange Scale(int difficulty, string cause, double anger, double patience, bool neutral = false)
    {
        var calming = neutral ? 1 : DifficultyScale.Calming(difficulty);
        var aggravating = neutral ? 1 : DifficultyScale.Aggravating(difficulty);
        var a = anger < 0 ? anger * calming : anger * aggravating;
        var p = patience > 0 ? patience * calming : patience * aggravating;
        return new MoodChange(cause, (int)Math.Round(a, MidpointRounding.AwayFromZero), (int)Math.Round(p, MidpointRounding.AwayFromZero));
    }

    private static MoodStep Step(MoodState before, IReadOnlyList<MoodChange> changes)
    {
        var after = MoodState.Clamp(before.Anger + changes.Sum(c => c.Anger), before.Patience + changes.Sum(c => c.Patience));
        return new MoodStep(before, after, changes);
    }
}
