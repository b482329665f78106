using System.Text.Json.Nodes;

namespace RolePlayBot.Bot.Conversations.Cards;

/// <summary>
/// Adaptive Card 1.5 elements as JSON: the version Teams renders for bots and Web Chat 4.18.1 renders too.
/// Buttons are Action.Submit only (Web Chat 4.18.1 has no Action.Execute).
/// </summary>
public static class CardJson
{
    public const string Version = "1.5";

    public static JsonObject Card(IEnumerable<JsonNode> body, IEnumerable<JsonNode>? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = new JsonArray([.. body]),
        };
        var list = actions?.ToArray() ?? [];
        if (list.Length > 0)
        {
            card["actions"] = new JsonArray(list);
        }

        return card;
    }

    public static JsonObject Text(string text, bool bold = false, string? size = null, bool subtle = false, string? color = null, int? maxLines = null, string? spacing = null, bool monospace = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (bold)
        {
            block["weight"] = "Bolder";
        }

        Set(block, "size", size);
        Set(block, "color", color);
        Set(block, "spacing", spacing);
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (monospace)
        {
            block["fontType"] = "Monospace";
        }

        if (maxLines is { } lines)
        {
            block["maxLines"] = lines;
        }

        return block;
    }

    public static JsonObject Submit(string title, JsonObject data) =>
        new() { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };

    /// <summary>Our submit payload: {"rpb": verb, …}.</summary>
    public static JsonObject Data(string verb, params (string Name, string Value)[] fields)
    {
        var data = new JsonObject { [SubmitParser.Marker] = verb };
        foreach (var (name, value) in fields)
        {
            data[name] = value;
        }

        return data;
    }

    public static JsonObject ActionSet(params JsonObject[] actions) =>
        new() { ["type"] = "ActionSet", ["actions"] = new JsonArray(actions) };

    public static JsonObject Columns(params JsonObject[] columns) =>
        new() { ["type"] = "ColumnSet", ["columns"] = new JsonArray(columns) };

    public static JsonObject Column(string width, params JsonNode[] items) =>
        new() { ["type"] = "Column", ["width"] = width, ["verticalContentAlignment"] = "Center", ["items"] = new JsonArray(items) };

    public static JsonObject Container(IEnumerable<JsonNode> items, string? style = null, bool separator = false)
    {
        var container = new JsonObject { ["type"] = "Container", ["items"] = new JsonArray([.. items]) };
        Set(container, "style", style);
        if (separator)
        {
            container["separator"] = true;
        }

        return container;
    }

    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
    };

    /// <summary>Shortens text for a card line, on a character boundary.</summary>
    public static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static void Set(JsonObject node, string name, string? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }
}
