using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HandlebarsDotNet;
using Microsoft.Extensions.AI;
using RolePlayBot.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace RolePlayBot.Core.Prompts;

/// <summary>
/// A prompt file in the Prompty convention: YAML front matter, then <c>system:</c> / <c>user:</c> /
/// <c>assistant:</c> sections rendered with Handlebars. The body is split into sections before any input is
/// rendered, so an input (a trainee's reply) can never open a section of its own.
/// </summary>
public sealed partial class PromptTemplate
{
    private static readonly IHandlebars Handlebars = HandlebarsDotNet.Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    private readonly IReadOnlyList<(PromptSection Section, HandlebarsTemplate<object, object> Render)> _sections;
    private readonly PromptParameters _parameters;
    private readonly CanonicalTexts _stableTexts = new(CanonicalTexts.DefaultCapacity);

    private PromptTemplate(
        string source, PromptFrontMatter front, IReadOnlyList<PromptInput> inputs,
        IReadOnlyList<(PromptSection, HandlebarsTemplate<object, object>)> sections)
    {
        Source = source;
        Name = front.Name ?? Path.GetFileNameWithoutExtension(source);
        Description = front.Description ?? "";
        Inputs = inputs;
        _parameters = front.Model?.Parameters ?? new PromptParameters();
        _sections = sections;
    }

    public string Source { get; }
    public string Name { get; }
    public string Description { get; }
    public IReadOnlyList<PromptInput> Inputs { get; }
    public IReadOnlyList<PromptSection> Sections => [.. _sections.Select(s => s.Section)];

    /// <summary>"text", "json_object" or "json_schema".</summary>
    public string ResponseFormatType => ResponseFormatOf(_parameters.ResponseFormat, "type") ?? "text";

    public static PromptTemplate Load(string path) => Parse(File.ReadAllText(path), path);

    /// <param name="text">The file's content.</param>
    /// <param name="source">The file name for error messages.</param>
    public static PromptTemplate Parse(string text, string source)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw new PromptTemplateException(source, 1, "expected YAML front matter starting with '---'");
        }
        var close = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (close < 0)
        {
            throw new PromptTemplateException(source, 1, "the front matter opened with '---' is never closed by another '---'");
        }

        var front = ParseFrontMatter(string.Join('\n', lines[1..close]), source);
        var inputs = (front.Inputs ?? []).Select(p => new PromptInput(p.Key, p.Value?.Description ?? "", p.Value?.Default)).ToList();
        var sections = SplitSections(lines, close + 1, source)
            .Select(s => (s, Compile(s, source)))
            .ToList();
        if (sections.Count == 0)
        {
            throw new PromptTemplateException(source, close + 2, "the body has no 'system:' or 'user:' section");
        }
        var template = new PromptTemplate(source, front, inputs, sections);
        _ = template.ResponseFormatType switch
        {
            "text" or "json_object" or "json_schema" => true,
            var other => throw new PromptTemplateException(source, 1, $"unknown response_format '{other}' (use text, json_object or json_schema)"),
        };
        return template;
    }

    /// <summary>Renders every section with the inputs, and the file's model parameters as <see cref="ChatOptions"/>.</summary>
    /// <param name="inputs">Values by input name: strings, numbers, booleans, lists and dictionaries.</param>
    /// <param name="jsonSchema">The schema when the file asks for <c>json_schema</c>; the code that parses the answer owns it.</param>
    public RenderedPrompt Render(IReadOnlyDictionary<string, object?> inputs, JsonElement? jsonSchema = null)
    {
        var context = new Dictionary<string, object?>(inputs, StringComparer.Ordinal);
        foreach (var input in Inputs.Where(i => !context.ContainsKey(i.Name)))
        {
            context[input.Name] = input.Default ?? throw new ArgumentException($"{Source}: input '{input.Name}' was not given", nameof(inputs));
        }

        var messages = _sections
            .Select(s => new ChatMessage(new ChatRole(s.Section.Role), Text(s.Section, s.Render(context).Trim())))
            .ToList();
        return new RenderedPrompt(messages, BuildOptions(jsonSchema));
    }

    /// <summary>
    /// A system section renders the same text for every call of a persona (instructions, persona, checklist: the stable
    /// prefix), so every call shares one copy of it. A fresh copy per call lived as long as the model took to answer,
    /// long enough to be promoted by the collector, and with a class's calls in flight those copies made most of what
    /// each collection had to keep (BENCHMARKS.md).
    /// </summary>
    private string Text(PromptSection section, string rendered) =>
        section.Role == "system" ? _stableTexts.Canonical(rendered) : rendered;

    private ChatOptions BuildOptions(JsonElement? jsonSchema)
    {
        var options = new ChatOptions
        {
            Temperature = _parameters.Temperature,
            MaxOutputTokens = _parameters.MaxTokens,
            TopP = _parameters.TopP,
        };
        switch (ResponseFormatType)
        {
            case "json_object":
                options.ResponseFormat = ChatResponseFormat.Json;
                break;
            case "json_schema":
                var schema = jsonSchema ?? throw new InvalidOperationException($"{Source}: response_format json_schema needs the schema from the caller");
                options.ResponseFormat = ChatResponseFormat.ForJsonSchema(
                    schema, ResponseFormatOf(_parameters.ResponseFormat, "name") ?? Name, Description);
                var strict = ResponseFormatOf(_parameters.ResponseFormat, "strict");
                options.AdditionalProperties = new() { ["strictJsonSchema"] = strict is null || bool.Parse(strict) };
                break;
            default:
                options.ResponseFormat = ChatResponseFormat.Text;
                break;
        }
        return options;
    }

    private static string? ResponseFormatOf(object? responseFormat, string key) => responseFormat switch
    {
        string s when key == "type" => s,
        IDictionary<object, object> map when map.TryGetValue(key, out var value) => value?.ToString(),
        _ => null,
    };

    private static PromptFrontMatter ParseFrontMatter(string yaml, string source)
    {
        try
        {
            return Yaml.Deserialize<PromptFrontMatter?>(yaml) ?? new PromptFrontMatter();
        }
        catch (YamlException e)
        {
            // +1: the front matter starts on the line after the opening '---'.
            throw new PromptTemplateException(source, (int)e.Start.Line + 1, $"invalid front matter: {Innermost(e).Message}");
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    private static List<PromptSection> SplitSections(string[] lines, int bodyStart, string source)
    {
        var sections = new List<PromptSection>();
        string? role = null;
        var roleLine = 0;
        var text = new StringBuilder();
        for (var i = bodyStart; i < lines.Length; i++)
        {
            var marker = RoleMarker().Match(lines[i]);
            if (marker.Success)
            {
                Flush();
                role = marker.Groups[1].Value.ToLowerInvariant();
                roleLine = i + 1;
                continue;
            }
            if (role is null && !string.IsNullOrWhiteSpace(lines[i]))
            {
                throw new PromptTemplateException(source, i + 1, "text before the first 'system:', 'user:' or 'assistant:' line");
            }
            text.Append(lines[i]).Append('\n');
        }
        Flush();
        return sections;

        void Flush()
        {
            if (role is null)
            {
                return;
            }
            if (string.IsNullOrWhiteSpace(text.ToString()))
            {
                throw new PromptTemplateException(source, roleLine, $"the '{role}:' section is empty");
            }
            sections.Add(new PromptSection(role, text.ToString().Trim('\n'), roleLine));
            text.Clear();
        }
    }

    private static HandlebarsTemplate<object, object> Compile(PromptSection section, string source)
    {
        try
        {
            return Handlebars.Compile(section.Text);
        }
        catch (HandlebarsException e)
        {
            throw new PromptTemplateException(source, section.Line, $"the '{section.Role}:' section does not compile: {e.Message}");
        }
    }

    [GeneratedRegex(@"^\s*(system|user|assistant)\s*:\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RoleMarker();
}
