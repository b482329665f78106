using System.Text.RegularExpressions;

namespace RolePlayBot.Core.Personas.Loading;

/// <summary>Checks the <c>{{name}}</c> placeholders of scripted lines against the facts the engine can fill in.</summary>
internal static partial class Placeholders
{
    /// <summary>Filled from the agent's promised time, not from the order facts.</summary>
    public const string Promised = "promised";

    public static readonly IReadOnlyList<string> BuiltIn =
        ["product", "amount", "order_id", "order_date", "order_status", "logistics", Promised];

    public static void Check(ParseContext context, string field, IEnumerable<LocatedText> texts, IReadOnlySet<string> known)
    {
        foreach (var (text, line) in texts)
        {
            foreach (Match match in Placeholder().Matches(text))
            {
                var name = match.Groups[1].Value.Trim();
                if (!known.Contains(name))
                {
                    context.Error(line, field,
                        $"unknown placeholder '{{{{{name}}}}}'; known: {string.Join(", ", known.Order(StringComparer.Ordinal))} (add other facts under facts.extra)");
                }
            }

            var stripped = Placeholder().Replace(text, "");
            if (stripped.Contains("{{", StringComparison.Ordinal) || stripped.Contains("}}", StringComparison.Ordinal))
            {
                context.Error(line, field, "has an unbalanced '{{' or '}}'; write placeholders as {{order_id}}");
            }
        }
    }

    [GeneratedRegex(@"\{\{([^{}]*)\}\}")]
    private static partial Regex Placeholder();
}
