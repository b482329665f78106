using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Core.Customers;

/// <summary>Maps a <see cref="CustomerContext"/> onto the inputs prompts/customer.prompty declares.</summary>
public static class CustomerPromptInputs
{
    public static IReadOnlyDictionary<string, object?> From(CustomerContext context)
    {
        var persona = context.Persona;
        var chinese = Locales.IsChinese(persona.Locale);
        var facts = persona.Facts;
        return new Dictionary<string, object?>
        {
            ["name"] = persona.Name,
            ["character"] = persona.Character,
            ["scenario"] = persona.Scenario,
            ["language"] = chinese ? "简体中文" : "English",
            ["facts"] = new Dictionary<string, object?>
            {
                ["product"] = facts.Product,
                ["amount"] = facts.Amount,
                ["order_id"] = facts.OrderId,
                ["order_date"] = facts.OrderDate,
                ["order_status"] = facts.OrderStatus,
                ["logistics"] = facts.Logistics,
                ["extra"] = facts.Extra.Select(e => new Dictionary<string, object?> { ["name"] = e.Key, ["value"] = e.Value }).ToList(),
            },
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
                .Select(n => new Dictionary<string, object?> { ["description"] = n.Description, ["reminder"] = n.Reminders.Count > 0 ? Personas.LineTemplate.Fill(n.Reminders[0], facts) : "" })
                .ToList(),
            ["met_this_turn"] = context.MetThisTurn
                .Select(n => new Dictionary<string, object?> { ["description"] = n.Description })
                .ToList(),
            ["transcript"] = context.Transcript
                .Select(l => new Dictionary<string, object?> { ["speaker"] = Label(l.Speaker, chinese), ["text"] = l.Text })
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
