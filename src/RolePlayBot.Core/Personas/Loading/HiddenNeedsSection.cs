using System.Text.RegularExpressions;
using RolePlayBot.Core.Checklist;

namespace RolePlayBot.Core.Personas.Loading;

/// <summary>Reads <c>hidden_needs:</c> — what the customer wants, how a reply meets it, and how they bring it back.</summary>
internal static partial class HiddenNeedsSection
{
    private static readonly string[] Keys = ["id", "description", "met_by_items", "met_by_keywords", "reminders", "required"];

    public static IReadOnlyList<HiddenNeed>? Read(ParseContext context, YamlSection root, IReadOnlySet<string> placeholders)
    {
        var items = root.Sequence("hidden_needs");
        if (items is null)
        {
            return null;
        }

        if (items.Count == 0)
        {
            context.Error(root.LineOf("hidden_needs"), "hidden_needs", "must list at least one need");
            return null;
        }

        var needs = new List<HiddenNeed>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"hidden_needs[{i}]";
            var section = YamlSection.From(context, items[i], path, context.LineOf(items[i]), Keys);
            var need = section is null ? null : ReadNeed(context, section, placeholders);
            if (need is null)
            {
                ok = false;
                continue;
            }

            if (!seen.Add(need.Id))
            {
                context.Error(section!.LineOf("id"), section.Child("id"), $"need id '{need.Id}' is used twice in this persona");
                ok = false;
                continue;
            }

            needs.Add(need);
        }

        return ok ? needs : null;
    }

    private static HiddenNeed? ReadNeed(ParseContext context, YamlSection need, IReadOnlySet<string> placeholders)
    {
        var errorsBefore = context.Errors.Count;
        var id = need.String("id");
        if (id is not null && !NeedId().IsMatch(id))
        {
            context.Error(need.LineOf("id"), need.Child("id"), $"'{id}' must be lower-case letters, digits and '-' (e.g. full-refund)");
        }

        var description = need.String("description");
        var items = need.TextList("met_by_items", required: false);
        foreach (var (item, line) in items ?? [])
        {
            if (!context.ChecklistIds.Contains(item))
            {
                context.Error(line, need.Child("met_by_items"), ChecklistIdHint.UnknownMessage(item, context.ChecklistIds));
            }
            else if (ChecklistItemIds.AntiPatterns.Contains(item))
            {
                context.Error(line, need.Child("met_by_items"), $"'{item}' is an anti-pattern; a need is met by good behaviour");
            }
        }

        var keywords = need.TextList("met_by_keywords", required: false);
        if (items is { Count: 0 } or null && keywords is { Count: 0 } or null && context.Errors.Count == errorsBefore)
        {
            context.Error(need.Line, need.Path, "give met_by_items and/or met_by_keywords, or the need can never be met");
        }

        var reminders = need.TextList("reminders", minCount: 1);
        if (reminders is not null)
        {
            Placeholders.Check(context, need.Child("reminders"), reminders, placeholders);
        }

        var required = need.Bool("required") ?? true;
        if (context.Errors.Count > errorsBefore || id is null || description is null || reminders is null)
        {
            return null;
        }

        return new HiddenNeed
        {
            Id = id,
            Description = description,
            MetByItems = (items ?? []).Select(i => i.Text).ToList(),
            MetByKeywords = (keywords ?? []).Select(k => k.Text).ToList(),
            Reminders = reminders.Select(r => r.Text).ToList(),
            Required = required,
        };
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex NeedId();
}
