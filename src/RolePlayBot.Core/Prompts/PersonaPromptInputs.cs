using RolePlayBot.Core.Personas;

namespace RolePlayBot.Core.Prompts;

/// <summary>
/// The persona as prompt inputs, shared by the customer and the judge prompts. Everything here is fixed for a
/// session, so it belongs in the prompts' stable prefix that providers cache.
/// </summary>
public static class PersonaPromptInputs
{
    /// <summary>Order facts: product, amount, order_id, order_date, order_status, logistics, and extra as {name, value}.</summary>
    public static Dictionary<string, object?> Facts(OrderFacts facts) => new()
    {
        ["product"] = facts.Product,
        ["amount"] = facts.Amount,
        ["order_id"] = facts.OrderId,
        ["order_date"] = facts.OrderDate,
        ["order_status"] = facts.OrderStatus,
        ["logistics"] = facts.Logistics,
        ["extra"] = facts.Extra.Select(e => new Dictionary<string, object?> { ["name"] = e.Key, ["value"] = e.Value }).ToList(),
    };

    /// <summary>Every hidden need in the persona's order, as {number, description, reminder, required}.</summary>
    public static List<Dictionary<string, object?>> Needs(Persona persona) =>
        [.. persona.HiddenNeeds.Select((n, i) => new Dictionary<string, object?>
        {
            ["number"] = i + 1,
            ["description"] = n.Description,
            ["reminder"] = n.Reminders.Count > 0 ? LineTemplate.Fill(n.Reminders[0], persona.Facts) : "",
            ["required"] = n.Required,
        })];

    /// <summary>The 1-based number of a need in <see cref="Needs"/>, so the volatile part can refer to it.</summary>
    public static int NumberOf(Persona persona, HiddenNeed need)
    {
        for (var i = 0; i < persona.HiddenNeeds.Count; i++)
        {
            if (string.Equals(persona.HiddenNeeds[i].Id, need.Id, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }
        return 0;
    }
}
