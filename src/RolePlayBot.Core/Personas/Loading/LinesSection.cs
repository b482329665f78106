namespace RolePlayBot.Core.Personas.Loading;

/// <summary>Reads <c>lines:</c> — the scripted messages of the offline engine; every list must have lines.</summary>
internal static class LinesSection
{
    private static readonly string[] Keys =
    [
        "escalation", "resolution", "abandon", "chase", "give_info", "hold_to_time",
        "blamed", "brushed", "vague", "softening", "by_mood",
    ];

    private static readonly string[] MoodKeys = ["calm", "upset", "angry"];

    public static PersonaLines? Read(ParseContext context, YamlSection root, IReadOnlySet<string> placeholders)
    {
        var lines = root.Section("lines", Keys);
        if (lines is null)
        {
            return null;
        }

        var escalation = List(context, lines, "escalation", placeholders);
        var resolution = List(context, lines, "resolution", placeholders);
        var abandon = List(context, lines, "abandon", placeholders);
        var chase = List(context, lines, "chase", placeholders);
        var giveInfo = List(context, lines, "give_info", placeholders);
        var holdToTime = List(context, lines, "hold_to_time", placeholders);
        var blamed = List(context, lines, "blamed", placeholders);
        var brushed = List(context, lines, "brushed", placeholders);
        var vague = List(context, lines, "vague", placeholders);
        var softening = List(context, lines, "softening", placeholders);
        var byMood = ReadByMood(context, lines, placeholders);
        if (escalation is null || resolution is null || abandon is null || chase is null || giveInfo is null
            || holdToTime is null || blamed is null || brushed is null || vague is null || softening is null || byMood is null)
        {
            return null;
        }

        return new PersonaLines
        {
            Escalation = escalation,
            Resolution = resolution,
            Abandon = abandon,
            Chase = chase,
            GiveInfo = giveInfo,
            HoldToTime = holdToTime,
            Blamed = blamed,
            Brushed = brushed,
            Vague = vague,
            Softening = softening,
            ByMood = byMood,
        };
    }

    private static MoodLines? ReadByMood(ParseContext context, YamlSection lines, IReadOnlySet<string> placeholders)
    {
        var byMood = lines.Section("by_mood", MoodKeys);
        if (byMood is null)
        {
            return null;
        }

        var calm = List(context, byMood, "calm", placeholders);
        var upset = List(context, byMood, "upset", placeholders);
        var angry = List(context, byMood, "angry", placeholders);
        return calm is null || upset is null || angry is null ? null : new MoodLines { Calm = calm, Upset = upset, Angry = angry };
    }

    private static List<string>? List(ParseContext context, YamlSection section, string key, IReadOnlySet<string> placeholders)
    {
        var errorsBefore = context.Errors.Count;
        var texts = section.TextList(key, minCount: 1);
        if (texts is null)
        {
            return null;
        }

        Placeholders.Check(context, section.Child(key), texts, placeholders);
        return context.Errors.Count > errorsBefore ? null : texts.Select(t => t.Text).ToList();
    }
}
