using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Personas;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Core.Customers;

/// <summary>
/// The offline customer: answers from the persona's scripted lines, chosen by mood and by what the trainee
/// just did. A message is composed of up to three parts — a reaction to the reply, the information the
/// trainee asked for, and the unmet demand coming back — so it reads as a conversation, not a fixed script.
/// Deterministic for a given session seed.
/// </summary>
public sealed class ScriptedCustomer(PromisedTime? promisedTime = null) : ICustomerEngine
{
    public Task<CustomerMessage> NextAsync(CustomerContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(new CustomerMessage(Compose(context, promisedTime), CustomerMessage.Scripted));

    public static string Compose(CustomerContext context, PromisedTime? promisedTime = null)
    {
        var persona = context.Persona;
        var lines = persona.Lines;
        var picker = new LinePicker(context);

        if (context.Kind == CustomerTurnKind.Chase)
        {
            return context.Outcome == Outcome.Abandoned ? picker.Pick(lines.Abandon) : picker.Pick(lines.Chase);
        }

        switch (context.Outcome)
        {
            case Outcome.Escalated:
                return picker.Pick(lines.Escalation);
            case Outcome.Resolved:
                return picker.Pick(lines.Resolution);
            case Outcome.Abandoned:
                return picker.Pick(lines.Abandon);
        }

        var evaluation = context.RuleEvaluation;
        var parts = new List<string>(3);
        var reaction = Reaction(context, evaluation, picker, promisedTime);
        if (reaction is not null)
        {
            parts.Add(reaction);
        }

        if (evaluation?.IsObserved(ChecklistItemIds.ClarifyingQuestion) == true)
        {
            parts.Add(picker.Pick(lines.GiveInfo));
        }

        // The unmet demand comes back until it is met; a customer who was just insulted talks about that instead.
        var insulted = evaluation is not null && (evaluation.IsObserved(ChecklistItemIds.BlameShifting) || evaluation.IsObserved(ChecklistItemIds.PresumedBadFaith));
        if (!insulted && context.UnmetNeeds.Count > 0 && parts.Count < 3)
        {
            var need = context.UnmetNeeds[0];
            parts.Add(picker.Pick(need.Reminders));
        }

        if (parts.Count == 0)
        {
            parts.Add(picker.Pick(BandLines(lines.ByMood, context.Mood.Anger)));
        }

        var separator = Locales.IsChinese(persona.Locale) ? "" : " ";
        return string.Join(separator, parts);
    }

    private static string? Reaction(CustomerContext context, ReplyEvaluation? evaluation, LinePicker picker, PromisedTime? promisedTime)
    {
        var lines = context.Persona.Lines;
        if (evaluation is null)
        {
            return picker.Pick(BandLines(lines.ByMood, context.Mood.Anger));
        }

        if (evaluation.IsObserved(ChecklistItemIds.BlameShifting) || evaluation.IsObserved(ChecklistItemIds.PresumedBadFaith))
        {
            return picker.Pick(lines.Blamed);
        }

        if (evaluation.IsObserved(ChecklistItemIds.ColdTone) || evaluation.IsObserved(ChecklistItemIds.Impatience))
        {
            return picker.Pick(lines.Brushed);
        }

        var promise = evaluation.Find(ChecklistItemIds.TimeCommitment);
        if (promise is { Observed: true, Evidence: not null })
        {
            return picker.Pick(lines.HoldToTime, promisedTime?.Extract(promise.Evidence) ?? promise.Evidence);
        }

        var calmer = context.Mood.Anger < context.MoodBefore.Anger;
        if (calmer && (context.MetThisTurn.Count > 0 || evaluation.Items.Any(o => o.Observed)))
        {
            return picker.Pick(lines.Softening);
        }

        if (!evaluation.Items.Any(o => o.Observed))
        {
            return picker.Pick(lines.Vague);
        }

        return picker.Pick(BandLines(lines.ByMood, context.Mood.Anger));
    }

    internal static IReadOnlyList<string> BandLines(MoodLines byMood, int anger) =>
        anger >= 70 ? byMood.Angry : anger >= 40 ? byMood.Upset : byMood.Calm;

    /// <summary>Picks lines the customer has not said yet in this conversation, with the session's seeded random.</summary>
    private sealed class LinePicker(CustomerContext context)
    {
        private readonly HashSet<string> _said = context.Transcript
            .Where(l => l.Speaker == Speaker.Customer)
            .Select(l => l.Text)
            .ToHashSet(StringComparer.Ordinal);

        public string Pick(IReadOnlyList<string> options, string? promised = null)
        {
            if (options.Count == 0)
            {
                return "";
            }

            var filled = options.Select(o => LineTemplate.Fill(o, context.Persona.Facts, promised)).ToList();
            var fresh = filled.Where(f => !_said.Any(s => s.Contains(f, StringComparison.Ordinal))).ToList();
            var pool = fresh.Count > 0 ? fresh : filled;
            var chosen = pool[context.Random.Next(pool.Count)];
            _said.Add(chosen);
            return chosen;
        }
    }
}
