using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RolePlayBot.Core.Personas.Loading;

/// <summary>
/// One YAML mapping of a persona file, read field by field. Every read reports its own problems (missing,
/// empty, wrong type, out of range) with the field's dotted path and file line, and returns null instead of throwing.
/// </summary>
internal sealed class YamlSection
{
    private readonly ParseContext _context;
    private readonly Dictionary<string, (int Line, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    private YamlSection(ParseContext context, string path, int line)
    {
        _context = context;
        Path = path;
        Line = line;
    }

    /// <summary>Dotted path of this mapping ("" for the root).</summary>
    public string Path { get; }

    /// <summary>Line of the key that owns this mapping (where "missing field" errors point).</summary>
    public int Line { get; }

    /// <summary>Keys in file order with their lines and values.</summary>
    public IEnumerable<(string Key, int Line, YamlNode Value)> Entries =>
        _entries.Select(e => (e.Key, e.Value.Line, e.Value.Value));

    /// <summary>
    /// Reads <paramref name="node"/> as a mapping. Unknown keys (not in <paramref name="allowedKeys"/>, when given)
    /// are reported, with a suggestion when one is close, because a typo would otherwise silently drop a field.
    /// </summary>
    public static YamlSection? From(
        ParseContext context, YamlNode node, string path, int line, IReadOnlyCollection<string>? allowedKeys)
    {
        if (node is not YamlMappingNode mapping)
        {
            context.Error(context.LineOf(node), path, "must be a group of 'key: value' fields");
            return null;
        }

        var section = new YamlSection(context, path, line);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var keyLine = context.LineOf(keyNode);
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                context.Error(keyLine, path, "a field name must be plain text");
                continue;
            }

            var field = section.Child(key);
            if (allowedKeys is not null && !allowedKeys.Contains(key))
            {
                context.Error(keyLine, field, UnknownKeyMessage(key, allowedKeys));
                continue;
            }

            section._entries[key] = (keyLine, value);
        }

        return section;
    }

    public string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>The line of <paramref name="key"/>, or of this mapping when the key is absent.</summary>
    public int LineOf(string key) => _entries.TryGetValue(key, out var e) ? e.Line : Line;

    public string? String(string key, bool required = true)
    {
        if (!TryGet(key, required, out var line, out var node))
        {
            return null;
        }

        var text = ScalarText(node, Child(key), line);
        if (text is not null && text.Length == 0 && required)
        {
            _context.Error(line, Child(key), "must not be empty");
            return null;
        }

        return text;
    }

    public int? Int(string key, int min, int max, bool required = true)
    {
        if (!TryGet(key, required, out var line, out var node))
        {
            return null;
        }

        var text = ScalarText(node, Child(key), line);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            _context.Error(line, Child(key), $"must be a whole number from {min} to {max}, not '{text}'");
            return null;
        }

        if (value < min || value > max)
        {
            _context.Error(line, Child(key), $"must be from {min} to {max}, not {value}");
            return null;
        }

        return value;
    }

    public bool? Bool(string key, bool required = false)
    {
        if (!TryGet(key, required, out var line, out var node))
        {
            return null;
        }

        var text = ScalarText(node, Child(key), line);
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "yes":
                return true;
            case "false" or "no":
                return false;
            default:
                _context.Error(line, Child(key), $"must be true or false, not '{text}'");
                return null;
        }
    }

    /// <summary>A list of texts (<c>[a, b]</c> or one "- item" per line); each item must be non-empty.</summary>
    public IReadOnlyList<LocatedText>? TextList(string key, bool required = true, int minCount = 0)
    {
        var items = Sequence(key, required);
        if (items is null)
        {
            return null;
        }

        var field = Child(key);
        var result = new List<LocatedText>();
        var ok = true;
        foreach (var item in items)
        {
            var line = _context.LineOf(item);
            var text = ScalarText(item, field, line);
            if (text is null)
            {
                ok = false;
            }
            else if (text.Length == 0)
            {
                _context.Error(line, field, "contains an empty item");
                ok = false;
            }
            else
            {
                result.Add(new LocatedText(text, line));
            }
        }

        if (ok && result.Count < minCount)
        {
            _context.Error(LineOf(key), field, minCount == 1 ? "must have at least one item" : $"must have at least {minCount} items");
            return null;
        }

        return ok ? result : null;
    }

    public IReadOnlyList<YamlNode>? Sequence(string key, bool required = true)
    {
        if (!TryGet(key, required, out var line, out var node))
        {
            return null;
        }

        if (IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            _context.Error(line, Child(key), "must be a list, e.g. [\"first\", \"second\"] or one '- item' per line");
            return null;
        }

        return sequence.Children.ToList();
    }

    public YamlSection? Section(string key, IReadOnlyCollection<string>? allowedKeys, bool required = true)
    {
        if (!TryGet(key, required, out var line, out var node))
        {
            return null;
        }

        return IsNull(node) ? From(_context, new YamlMappingNode(), Child(key), line, allowedKeys) : From(_context, node, Child(key), line, allowedKeys);
    }

    private bool TryGet(string key, bool required, out int line, out YamlNode node)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            (line, node) = entry;
            if (required && IsNull(node))
            {
                _context.Error(line, Child(key), "is required but has no value");
                return false;
            }

            return true;
        }

        (line, node) = (Line, null!);
        if (required)
        {
            _context.Error(Line, Child(key), $"is missing (add '{key}:' {(Path.Length == 0 ? "to the front matter" : $"under '{Path}'")})");
        }

        return false;
    }

    /// <summary>The trimmed text of a scalar ("" for an empty one); null and an error for lists and mappings.</summary>
    private string? ScalarText(YamlNode node, string field, int line)
    {
        if (node is YamlScalarNode scalar)
        {
            return IsNull(scalar) ? "" : (scalar.Value ?? "").Trim();
        }

        _context.Error(line, field, node is YamlSequenceNode ? "must be a single value, not a list" : "must be a single value, not a group of fields");
        return null;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static string UnknownKeyMessage(string key, IReadOnlyCollection<string> allowedKeys) =>
        EditDistance.Nearest(key, allowedKeys) is { } nearest
            ? $"unknown field '{key}' (did you mean '{nearest}'?)"
            : $"unknown field '{key}'; expected one of: {string.Join(", ", allowedKeys)}";
}
