using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Mood;

namespace RolePlayBot.Core.Personas.Loading;

/// <summary>Reads <c>reactions:</c> — per-checklist-item overrides of the mood effect, keyed by checklist id.</summary>
internal static class ReactionsSection
{
    private static readonly string[] EffectKeys = ["anger", "patience"];

    public static Dictionary<string, MoodEffect>? Read(ParseContext context, YamlSection root)
    {
        var reactions = new Dictionary<string, MoodEffect>(StringComparer.Ordinal);
        if (!root.Has("reactions"))
        {
            return reactions;
        }

        var section = root.Section("reactions", allowedKeys: null);
        if (section is null)
        {
            return null;
        }

        var ok = true;
        foreach (var (id, line, _) in section.Entries)
        {
            var field = section.Child(id);
            if (!context.ChecklistIds.Contains(id))
            {
                context.Error(line, field, ChecklistIdHint.UnknownMessage(id, context.ChecklistIds));
                ok = false;
                continue;
            }

            var effect = ReadEffect(context, section, id);
            if (effect is null)
            {
                ok = false;
                continue;
            }

            reactions[id] = effect;
        }

        return ok ? reactions : null;
    }

    private static MoodEffect? ReadEffect(ParseContext context, YamlSection reactions, string id)
    {
        var section = reactions.Section(id, EffectKeys);
        if (section is null)
        {
            return null;
        }

        if (!section.Has("anger") && !section.Has("patience"))
        {
            context.Error(section.Line, section.Path, "give anger and/or patience, e.g. { anger: -10, patience: 5 }");
            return null;
        }

        var anger = section.Has("anger") ? section.Int("anger", -100, 100) : 0;
        var patience = section.Has("patience") ? section.Int("patience", -100, 100) : 0;
        if (anger is null || patience is null)
        {
            return null;
        }

        // An anti-pattern that calms the customer is almost certainly a sign mistake, and would teach the wrong thing.
        if (ChecklistItemIds.AntiPatterns.Contains(id) && (anger < 0 || patience > 0))
        {
            context.Error(section.Line, section.Path,
                $"'{id}' is an anti-pattern: its anger must be 0 or more and its patience 0 or less");
            return null;
        }

        return new MoodEffect(anger.Value, patience.Value);
    }
}
