namespace RolePlayBot.Core.Checklist;

/// <summary>The file spellings of <see cref="Dimension"/> and <see cref="EmotionView"/>.</summary>
public static class DimensionNames
{
    public static bool TryParse(string? text, out Dimension dimension)
    {
        (var ok, dimension) = text?.Trim().ToLowerInvariant() switch
        {
            "speed" => (true, Dimension.Speed),
            "detail" => (true, Dimension.Detail),
            "emotion" => (true, Dimension.Emotion),
            "anti_pattern" or "antipattern" => (true, Dimension.AntiPattern),
            _ => (false, Dimension.Speed),
        };
        return ok;
    }

    public static string ToFileName(Dimension dimension) => dimension switch
    {
        Dimension.Speed => "speed",
        Dimension.Detail => "detail",
        Dimension.Emotion => "emotion",
        _ => "anti_pattern",
    };

    public static bool TryParseView(string? text, out EmotionView view) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out view) && Enum.IsDefined(view);
}
