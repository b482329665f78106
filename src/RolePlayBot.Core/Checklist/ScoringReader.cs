using YamlDotNet.RepresentationModel;

namespace RolePlayBot.Core.Checklist;

/// <summary>Reads the checklist file's <c>scoring:</c> section; absent values keep their defaults.</summary>
internal static class ScoringReader
{
    public static ScoringSettings Read(YamlFields fields, YamlMappingNode map, IReadOnlySet<string> itemIds)
    {
        var defaults = ScoringSettings.Default;
        var speed = defaults.Speed;
        var speedNode = fields.Find(map, "speed");
        if (speedNode is not null)
        {
            var speedMap = fields.Mapping(speedNode, "scoring.speed");
            speed = new SpeedScoring(
                fields.Number(speedMap, "quick_seconds", "scoring.speed", speed.QuickSeconds),
                fields.Number(speedMap, "zero_after_seconds", "scoring.speed", speed.ZeroAfterSeconds),
                Share(fields, speedMap, "time_share", "scoring.speed", speed.TimeShare));
            if (speed.ZeroAfterSeconds <= speed.QuickSeconds)
            {
                throw fields.Error(speedNode, "scoring.speed.zero_after_seconds", "must be greater than quick_seconds");
            }
        }

        var fullCredit = Share(fields, map, "full_credit_share", "scoring", defaults.FullCreditShare);
        if (fullCredit <= 0)
        {
            throw fields.Error(fields.Find(map, "full_credit_share"), "scoring.full_credit_share", "must be greater than 0");
        }

        var antiPatterns = new Dictionary<string, AntiPatternScoring>(defaults.AntiPatterns, StringComparer.Ordinal);
        var antiNode = fields.Find(map, "anti_patterns");
        if (antiNode is not null)
        {
            foreach (var (keyNode, valueNode) in fields.Mapping(antiNode, "scoring.anti_patterns").Children)
            {
                var id = ((YamlScalarNode)keyNode).Value ?? "";
                var field = $"scoring.anti_patterns.{id}";
                if (!itemIds.Contains(id))
                {
                    throw fields.Error(keyNode, field, $"'{id}' is not an item id in this file");
                }

                antiPatterns[id] = ReadAntiPattern(fields, fields.Mapping(valueNode, field), field);
            }
        }

        return new ScoringSettings(
            speed,
            fullCredit,
            Share(fields, map, "formula_only_factor", "scoring", defaults.FormulaOnlyFactor),
            fields.Number(map, "anti_pattern_penalty", "scoring", defaults.AntiPatternPenalty),
            antiPatterns);
    }

    private static AntiPatternScoring ReadAntiPattern(YamlFields fields, YamlMappingNode map, string field)
    {
        var affects = new List<Dimension>();
        foreach (var (text, node) in fields.Strings(map, "affects", field))
        {
            affects.Add(DimensionNames.TryParse(text, out var d) && d != Dimension.AntiPattern
                ? d
                : throw fields.Error(node, $"{field}.affects", $"unknown dimension '{text}' (use speed, detail or emotion)"));
        }

        int? cap = fields.Find(map, "cap") is null ? null : (int)fields.Number(map, "cap", field);
        if (cap is < 0 or > 100)
        {
            throw fields.Error(fields.Find(map, "cap"), $"{field}.cap", "must be between 0 and 100");
        }

        return new AntiPatternScoring(affects, cap);
    }

    private static double Share(YamlFields fields, YamlMappingNode map, string key, string field, double fallback)
    {
        var value = fields.Number(map, key, field, fallback);
        return value is >= 0 and <= 1 ? value : throw fields.Error(fields.Find(map, key), $"{field}.{key}", "must be between 0 and 1");
    }
}
