using System.Text.RegularExpressions;

namespace RolePlayBot.Core.Personas;

/// <summary>Fills {{placeholders}} in a persona's scripted lines with the persona's order facts.</summary>
public static partial class LineTemplate
{
    /// <summary>The fact names every persona has; any key of <see cref="OrderFacts.Extra"/> adds to them.</summary>
    public static readonly IReadOnlyList<string> StandardFacts =
        ["product", "amount", "order_id", "order_date", "order_status", "logistics", "promised"];

    [GeneratedRegex(@"\{\{\s*([a-zA-Z0-9_]+)\s*\}\}")]
    private static partial Regex Placeholder();

    public static IEnumerable<string> PlaceholdersIn(string line) =>
        Placeholder().Matches(line).Select(m => m.Groups[1].Value);

    public static string Fill(string line, OrderFacts facts, string? promised = null) =>
        Placeholder().Replace(line, m => Lookup(m.Groups[1].Value, facts, promised) ?? m.Value);

    public static string? Lookup(string name, OrderFacts facts, string? promised = null) => name switch
    {
        "product" => facts.Product,
        "amount" => facts.Amount,
        "order_id" => facts.OrderId,
        "order_date" => facts.OrderDate,
        "order_status" => facts.OrderStatus,
        "logistics" => facts.Logistics,
        "promised" => promised ?? "",
        _ => facts.Extra.TryGetValue(name, out var value) ? value : null,
    };
}
