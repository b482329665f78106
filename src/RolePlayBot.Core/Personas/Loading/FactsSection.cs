using System.Text.RegularExpressions;

namespace RolePlayBot.Core.Personas.Loading;

/// <summary>Reads <c>facts:</c> — the order facts, plus free <c>extra</c> facts usable as placeholders.</summary>
internal static partial class FactsSection
{
    private static readonly string[] Keys = ["product", "amount", "order_id", "order_date", "order_status", "logistics", "extra"];

    /// <param name="extraNames">The names under <c>extra</c>, even when the facts have errors (so lines are still checked fairly).</param>
    public static OrderFacts? Read(ParseContext context, YamlSection root, out IReadOnlyCollection<string> extraNames)
    {
        var names = new List<string>();
        extraNames = names;
        var facts = root.Section("facts", Keys);
        if (facts is null)
        {
            return null;
        }

        var product = facts.String("product");
        var amount = facts.String("amount");
        var orderId = facts.String("order_id");
        var orderDate = facts.String("order_date");
        var orderStatus = facts.String("order_status");
        var logistics = facts.String("logistics");
        var extra = ReadExtra(context, facts, names);
        if (product is null || amount is null || orderId is null || orderDate is null || orderStatus is null
            || logistics is null || extra is null)
        {
            return null;
        }

        return new OrderFacts
        {
            Product = product,
            Amount = amount,
            OrderId = orderId,
            OrderDate = orderDate,
            OrderStatus = orderStatus,
            Logistics = logistics,
            Extra = extra,
        };
    }

    private static Dictionary<string, string>? ReadExtra(ParseContext context, YamlSection facts, List<string> names)
    {
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!facts.Has("extra"))
        {
            return extra;
        }

        var section = facts.Section("extra", allowedKeys: null);
        if (section is null)
        {
            return null;
        }

        var ok = true;
        foreach (var (key, line, _) in section.Entries)
        {
            names.Add(key);
            var field = section.Child(key);
            if (!FactName().IsMatch(key))
            {
                context.Error(line, field, "an extra fact's name must be lower-case letters, digits and '_' (it is used as {{name}})");
                ok = false;
            }
            else if (Placeholders.BuiltIn.Contains(key))
            {
                context.Error(line, field, $"'{key}' is a built-in fact; choose another name");
                ok = false;
            }

            var value = section.String(key);
            if (value is null)
            {
                ok = false;
            }
            else
            {
                extra[key] = value;
            }
        }

        return ok ? extra : null;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex FactName();
}
