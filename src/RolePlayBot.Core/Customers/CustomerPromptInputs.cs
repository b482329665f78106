using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Prompts;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Core.Customers;

/// <summary>
/// Maps a <see cref="CustomerContext"/> onto the inputs prompts/customer.prompty declares. The inputs come in three
/// kinds, which the prompt lays out in this order so providers can cache the start of every call of a session: fixed
/// for the session (who the customer is, the order, every hidden need), the conversation (which only grows, older
/// turns summarised in blocks), and what holds for this message only (mood, needs still unmet, what to do now).
/// </summary>
public static class CustomerPromptInputs
{
    public static IReadOnlyDictionary<string, object?> From(CustomerContext context) => From(context, HistoryWindow.Default);

    public static IReadOnlyDictionary<string, object?> From(CustomerContext context, HistoryWindow window)
    {
        var persona = context.Persona;
        var chinese = Locales.IsChinese(persona.Locale);
        var history = PromptHistory.Of(context, window);
        return new Dictionary<string, object?>
        {
            // Fixed for the session.
            ["name"] = persona.Name,
            ["character"] = persona.Character,
            ["scenario"] = persona.Scenario,
            ["language"] = chinese ? "简体中文" : "English",
            ["facts"] = PersonaPromptInputs.Facts(persona.Facts),
            ["needs"] = PersonaPromptInputs.Needs(persona),

            // The conversation.
            ["earlier"] = history.Summary,
            ["earlier_last"] = history.SummarisedTurns,
            ["transcript"] = history.Recent
                .Select(l => new Dictionary<string, object?> { ["speaker"] = Label(l.Speaker, chinese), ["text"] = l.Text })
                .ToList(),

            // This message only.
            ["anger"] = context.Mood.Anger,
            ["patience"] = context.Mood.Patience,
            ["mood"] = context.Mood.Anger switch { < 40 => "calm", < 70 => "upset", _ => "angry" },
            ["is_ongoing"] = context.Outcome == Outcome.Ongoing && context.Kind == CustomerTurnKind.Answer,
            ["is_chase"] = context.Outcome == Outcome.Ongoing && context.Kind == CustomerTurnKind.Chase,
            ["is_resolved"] = context.Outcome == Outcome.Resolved,
            ["is_escalated"] = context.Outcome == Outcome.Escalated,
            ["is_abandoned"] = context.Outcome == Outcome.Abandoned,
            ["is_ended_by_trainee"] = context.Outcome == Outcome.EndedByTrainee,
            ["unmet_needs"] = context.UnmetNeeds
                .Select(n => new Dictionary<string, object?> { ["number"] = PersonaPromptInputs.NumberOf(persona, n), ["description"] = n.Description })
                .ToList(),
            ["met_this_turn"] = context.MetThisTurn
                .Select(n => new Dictionary<string, object?> { ["number"] = PersonaPromptInputs.NumberOf(persona, n), ["description"] = n.Description })
                .ToList(),
        };
    }

    private static string Label(Speaker speaker, bool chinese) => (speaker, chinese) switch
    {
        (Speaker.Customer, true) => "顾客（你）",
        (Speaker.Customer, false) => "customer (you)",
        (_, true) => "客服",
        _ => "agent",
    };
}
