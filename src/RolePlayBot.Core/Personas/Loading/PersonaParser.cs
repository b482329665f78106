using System.Text.RegularExpressions;
using RolePlayBot.Core.Checklist;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RolePlayBot.Core.Personas.Loading;

/// <summary>Turns the text of one persona file into a <see cref="Persona"/>, collecting every problem on the way.</summary>
internal static partial class PersonaParser
{
    private static readonly string[] Keys =
    [
        "id", "name", "locale", "dimension", "difficulty", "tags", "scenario", "facts", "opening",
        "hidden_needs", "mood", "reactions", "lines",
    ];

    private static readonly Dictionary<string, Dimension> Dimensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["speed"] = Dimension.Speed,
        ["detail"] = Dimension.Detail,
        ["emotion"] = Dimension.Emotion,
    };

    public static Persona? Parse(ParseContext context, string text, string version)
    {
        var document = FrontMatter.Split(text, context);
        var rootNode = document is null ? null : LoadYaml(context, document.Yaml);
        if (rootNode is not null and not YamlMappingNode)
        {
            context.Error(context.LineOf(rootNode), FrontMatter.Field, "the front matter must be 'key: value' fields (id:, name:, …)");
            return null;
        }

        var root = rootNode is null ? null : YamlSection.From(context, rootNode, "", 1, Keys);
        if (document is null || root is null)
        {
            return null;
        }

        var id = ReadId(context, root);
        var name = root.String("name");
        var locale = ReadLocale(context, root);
        var dimension = ReadDimension(context, root);
        var difficulty = root.Int("difficulty", 1, 5);
        var tags = root.TextList("tags", required: false) ?? [];
        var scenario = root.String("scenario");
        var facts = FactsSection.Read(context, root, out var extraNames);
        var placeholders = new HashSet<string>(Placeholders.BuiltIn.Concat(extraNames), StringComparer.Ordinal);
        var opening = root.String("opening");
        if (opening is not null)
        {
            Placeholders.Check(context, "opening", [new LocatedText(opening, root.LineOf("opening"))], placeholders);
        }

        var needs = HiddenNeedsSection.Read(context, root, placeholders);
        var mood = MoodSection.Read(context, root);
        var reactions = ReactionsSection.Read(context, root);
        var lines = LinesSection.Read(context, root, placeholders);
        if (document.Body.Length == 0)
        {
            context.Error(document.BodyLine, "character", "the Markdown character description after the front matter is empty");
        }

        if (context.Errors.Count > 0 || id is null || name is null || locale is null || dimension is null
            || difficulty is null || scenario is null || facts is null || opening is null || needs is null
            || mood is null || reactions is null || lines is null)
        {
            return null;
        }

        return new Persona
        {
            Id = id,
            Name = name,
            Locale = locale,
            Dimension = dimension.Value,
            Difficulty = difficulty.Value,
            Tags = tags.Select(t => t.Text).ToList(),
            Scenario = scenario,
            Facts = facts,
            Opening = opening,
            HiddenNeeds = needs,
            Mood = mood,
            Reactions = reactions,
            Lines = lines,
            Character = document.Body,
            SourcePath = context.File,
            Version = version,
        };
    }

    private static YamlNode? LoadYaml(ParseContext context, string yaml)
    {
        // YamlDotNet blames a tab on the start of the enclosing mapping; point at the tab itself instead.
        var lines = yaml.Split('\n');
        var tabbed = Array.FindIndex(lines, l => l[..(l.Length - l.TrimStart().Length)].Contains('\t'));
        if (tabbed >= 0)
        {
            context.Error(context.FileLine(tabbed + 1), FrontMatter.Field, "YAML syntax error: indent with spaces, not tabs");
            return null;
        }

        var parser = new Parser(new StringReader(yaml));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 0)
            {
                context.Error(1, FrontMatter.Field, "the front matter is empty");
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var hint = StartsWithPlaceholder(lines, (int)e.Start.Line)
                ? " (a line that starts with {{ or with a \"quoted\" phrase must be quoted as a whole, e.g. - \"{{promised}}前给我答复\" or - '\"尽快\"是哪天？')"
                : "";
            context.Error(context.LineOf(e.Start), FrontMatter.Field, $"YAML syntax error: {YamlMessage(e)}{hint}");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // Some malformed input (an unclosed [list, a repeated key) surfaces as a non-YAML exception.
            var line = parser.Current is { } current ? context.LineOf(current.Start) : 1;
            context.Error(line, FrontMatter.Field, $"YAML syntax error near here: {e.Message}");
            return null;
        }
    }

    /// <summary>The commonest slips in scripted lines: YAML reads an unquoted "{{…" as a mapping, and "…" more as a broken string.</summary>
    private static bool StartsWithPlaceholder(string[] lines, int yamlLine) =>
        yamlLine >= 1 && yamlLine <= lines.Length && UnquotedPlaceholder().IsMatch(lines[yamlLine - 1]);

    /// <summary>YamlDotNet prefixes its messages with the position, which the error already carries.</summary>
    private static string YamlMessage(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        var closing = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && closing > 0 ? message[(closing + 3)..] : message;
    }

    private static string? ReadId(ParseContext context, YamlSection root)
    {
        var id = root.String("id");
        context.IdLine = root.LineOf("id");
        if (id is not null && !PersonaId().IsMatch(id))
        {
            context.Error(root.LineOf("id"), "id", $"'{id}' must be lower-case letters, digits and '-' (e.g. allergy-complaint)");
            return null;
        }

        return id;
    }

    private static string? ReadLocale(ParseContext context, YamlSection root)
    {
        var locale = root.String("locale");
        if (locale is null or Locales.Chinese or Locales.English)
        {
            return locale;
        }

        context.Error(root.LineOf("locale"), "locale", $"must be {Locales.Chinese} or {Locales.English}, not '{locale}'");
        return null;
    }

    private static Dimension? ReadDimension(ParseContext context, YamlSection root)
    {
        var text = root.String("dimension");
        if (text is null)
        {
            return null;
        }

        if (Dimensions.TryGetValue(text, out var dimension))
        {
            return dimension;
        }

        context.Error(root.LineOf("dimension"), "dimension", $"must be speed, detail or emotion, not '{text}'");
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex PersonaId();

    [GeneratedRegex(@"^\s*(-\s+|[\w.-]+:\s+)(\{\{|""[^""]*""\s*[^\s#])")]
    private static partial Regex UnquotedPlaceholder();
}
