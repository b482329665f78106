using System.Text.RegularExpressions;
using RolePlayBot.Core.Mood;
using RolePlayBot.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RolePlayBot.Core.Checklist;

/// <summary>
/// Reads the trainer-editable <c>checklist.yaml</c>. Any mistake (bad YAML, a regex that does not compile, an unknown
/// dimension, a missing contract id) throws <see cref="ChecklistLoadException"/> naming the file, line and field.
/// </summary>
public static class ChecklistLoader
{
    public const string FileName = "checklist.yaml";

    private static readonly HashSet<string> Locales = new(StringComparer.Ordinal) { "zh", "en", "any" };
    private static readonly HashSet<string> Scopes = new(StringComparer.Ordinal) { "clause", "reply" };

    /// <summary>Loads <c>checklist.yaml</c> from <paramref name="startDirectory"/> or the nearest parent directory that has one.</summary>
    public static ChecklistDefinition LoadDefault(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate))
            {
                return Load(candidate);
            }
        }

        throw new ChecklistLoadException(Path.Combine(startDirectory, FileName), 0, "(file)", $"no {FileName} here or in any parent directory");
    }

    public static ChecklistDefinition Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ChecklistLoadException(path, 0, "(file)", e.Message, e);
        }

        return Parse(text, path);
    }

    /// <summary>Parses checklist YAML; <paramref name="sourceName"/> is used in error messages.</summary>
    public static ChecklistDefinition Parse(string yaml, string sourceName = FileName)
    {
        var fields = new YamlFields(sourceName);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ChecklistLoadException(sourceName, (int)e.Start.Line, "(syntax)", e.Message, e);
        }

        if (stream.Documents.Count == 0)
        {
            throw new ChecklistLoadException(sourceName, 0, "(file)", "the file is empty");
        }

        var root = fields.Mapping(stream.Documents[0].RootNode, "(root)");
        var itemsNode = fields.Sequence(fields.Find(root, "items") ?? throw fields.Error(root, "items", "is missing"), "items");
        var items = new List<ChecklistItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var node in itemsNode)
        {
            var item = ReadItem(fields, node, $"items[{index}]");
            if (!seen.Add(item.Id))
            {
                throw fields.Error(node, $"items[{index}].id", $"duplicate id '{item.Id}'");
            }

            items.Add(item);
            index++;
        }

        var missing = ChecklistItemIds.All.Where(id => !seen.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            throw fields.Error(itemsNode, "items", $"missing required id(s): {string.Join(", ", missing)}");
        }

        var scoringNode = fields.Find(root, "scoring");
        var scoring = scoringNode is null ? ScoringSettings.Default : ScoringReader.Read(fields, fields.Mapping(scoringNode, "scoring"), seen);
        return new ChecklistDefinition(items) { Scoring = scoring, SourcePath = sourceName };
    }

    private static ChecklistItem ReadItem(YamlFields fields, YamlNode node, string field)
    {
        var map = fields.Mapping(node, field);
        var id = fields.RequiredString(map, "id", field);
        field = $"{field}({id})";

        var dimensionText = fields.RequiredString(map, "dimension", field);
        if (!DimensionNames.TryParse(dimensionText, out var dimension))
        {
            throw fields.Error(fields.Find(map, "dimension"), $"{field}.dimension", $"unknown dimension '{dimensionText}' (use speed, detail, emotion or anti_pattern)");
        }

        var antiPattern = fields.Bool(map, "anti_pattern", field);
        if (ChecklistItemIds.All.Contains(id) && antiPattern != ChecklistItemIds.AntiPatterns.Contains(id))
        {
            throw fields.Error(fields.Find(map, "anti_pattern"), $"{field}.anti_pattern", $"'{id}' is a contract id and must have anti_pattern: {ChecklistItemIds.AntiPatterns.Contains(id).ToString().ToLowerInvariant()}");
        }

        var description = fields.Mapping(fields.Find(map, "description") ?? throw fields.Error(map, $"{field}.description", "is missing"), $"{field}.description");
        var zh = fields.RequiredString(description, "zh-CN", $"{field}.description");
        var en = fields.RequiredString(description, "en", $"{field}.description");

        var weight = fields.Number(map, "weight", field, 1);
        if (weight < 0)
        {
            throw fields.Error(fields.Find(map, "weight"), $"{field}.weight", "must not be negative");
        }

        var moodNode = fields.Find(map, "mood_effect");
        var mood = MoodEffect.None;
        if (moodNode is not null)
        {
            var moodMap = fields.Mapping(moodNode, $"{field}.mood_effect");
            mood = new MoodEffect(
                (int)Math.Round(fields.Number(moodMap, "anger", $"{field}.mood_effect", 0)),
                (int)Math.Round(fields.Number(moodMap, "patience", $"{field}.mood_effect", 0)));
        }

        var views = new List<EmotionView>();
        foreach (var (text, viewNode) in fields.Strings(map, "views", field))
        {
            views.Add(DimensionNames.TryParseView(text, out var view)
                ? view
                : throw fields.Error(viewNode, $"{field}.views", $"unknown view '{text}' (use recognition, regulation, expression or empathy)"));
        }

        var detectors = new List<Detector>();
        var detectorsNode = fields.Find(map, "detectors");
        if (detectorsNode is not null)
        {
            var i = 0;
            foreach (var detectorNode in fields.Sequence(detectorsNode, $"{field}.detectors"))
            {
                detectors.Add(ReadDetector(fields, detectorNode, $"{field}.detectors[{i++}]"));
            }
        }

        return new ChecklistItem(id, dimension, antiPattern, zh, en, weight, mood, views, detectors);
    }

    private static Detector ReadDetector(YamlFields fields, YamlNode node, string field)
    {
        var map = fields.Mapping(node, field);
        var name = fields.RequiredString(map, "name", field);
        var locale = fields.OptionalString(map, "locale", field) ?? "any";
        if (!Locales.Contains(locale))
        {
            throw fields.Error(fields.Find(map, "locale"), $"{field}.locale", $"unknown locale '{locale}' (use zh, en or any)");
        }

        var scope = fields.OptionalString(map, "unless_scope", field) ?? "clause";
        if (!Scopes.Contains(scope))
        {
            throw fields.Error(fields.Find(map, "unless_scope"), $"{field}.unless_scope", $"unknown scope '{scope}' (use clause or reply)");
        }

        var patterns = Patterns(fields, map, "patterns", field);
        if (patterns.Count == 0)
        {
            throw fields.Error(map, $"{field}.patterns", "needs at least one pattern");
        }

        var requires = Patterns(fields, map, "requires", field);
        return new Detector(name, locale, patterns, Patterns(fields, map, "unless", field), scope, requires.Count == 0 ? null : requires);
    }

    private static List<string> Patterns(YamlFields fields, YamlMappingNode map, string key, string field)
    {
        var list = new List<string>();
        var i = 0;
        foreach (var (pattern, node) in fields.Strings(map, key, field))
        {
            try
            {
                _ = new Regex(TextNormalizer.FoldWidth(pattern), RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                throw fields.Error(node, $"{field}.{key}[{i}]", $"regular expression does not compile: {e.Message}");
            }

            list.Add(pattern);
            i++;
        }

        return list;
    }
}
