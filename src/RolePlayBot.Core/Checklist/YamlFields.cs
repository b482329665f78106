using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace RolePlayBot.Core.Checklist;

/// <summary>Reads fields from the YAML representation model, turning every problem into a <see cref="ChecklistLoadException"/> with its line.</summary>
internal sealed class YamlFields(string file)
{
    public ChecklistLoadException Error(YamlNode? node, string field, string problem) =>
        new(file, node is null ? 0 : (int)node.Start.Line, field, problem);

    public YamlNode? Find(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public YamlMappingNode Mapping(YamlNode? node, string field) =>
        node as YamlMappingNode ?? throw Error(node, field, "expected a mapping (key: value lines)");

    public YamlSequenceNode Sequence(YamlNode? node, string field) =>
        node as YamlSequenceNode ?? throw Error(node, field, "expected a list");

    public string RequiredString(YamlMappingNode map, string key, string field)
    {
        var node = Find(map, key) ?? throw Error(map, $"{field}.{key}", "is missing");
        return node is YamlScalarNode { Value: { Length: > 0 } value }
            ? value
            : throw Error(node, $"{field}.{key}", "expected a non-empty text value");
    }

    public string? OptionalString(YamlMappingNode map, string key, string field)
    {
        var node = Find(map, key);
        return node switch
        {
            null => null,
            YamlScalarNode scalar => scalar.Value,
            _ => throw Error(node, $"{field}.{key}", "expected a text value"),
        };
    }

    public double Number(YamlMappingNode map, string key, string field, double? fallback = null)
    {
        var node = Find(map, key);
        if (node is null)
        {
            return fallback ?? throw Error(map, $"{field}.{key}", "is missing");
        }

        return node is YamlScalarNode { Value: { } text }
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(node, $"{field}.{key}", "expected a number");
    }

    public bool Bool(YamlMappingNode map, string key, string field)
    {
        var node = Find(map, key) ?? throw Error(map, $"{field}.{key}", "is missing (true or false)");
        return node is YamlScalarNode { Value: { } text } && bool.TryParse(text, out var value)
            ? value
            : throw Error(node, $"{field}.{key}", "expected true or false");
    }

    public IReadOnlyList<(string Value, YamlNode Node)> Strings(YamlMappingNode map, string key, string field)
    {
        var node = Find(map, key);
        if (node is null)
        {
            return [];
        }

        var list = new List<(string, YamlNode)>();
        var index = 0;
        foreach (var child in Sequence(node, $"{field}.{key}"))
        {
            list.Add(child is YamlScalarNode { Value: { Length: > 0 } value }
                ? (value, child)
                : throw Error(child, $"{field}.{key}[{index}]", "expected a non-empty text value"));
            index++;
        }

        return list;
    }
}
