using System.Text.Json;

namespace RolePlayBot.Bot.Conversations;

/// <summary>
/// Card actions: the <c>data</c> of our Action.Submit buttons ({"rpb":"start","persona":…,"locale":…}), as Teams
/// and Web Chat post them in a message's <c>value</c>, or the verb and data of an Action.Execute invoke. Anything
/// forged or incomplete comes back as null, never as an exception.
/// </summary>
public static class SubmitParser
{
    public const string Marker = "rpb";

    /// <summary>True when the value looks like one of our submits (has an "rpb" field).</summary>
    public static bool IsOurs(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty(Marker, out _);

    public static Command? FromSubmit(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object ? Build(String(value, Marker), value) : null;

    /// <summary>An <c>adaptiveCard/action</c> invoke value: {action:{verb, data}}.</summary>
    public static Command? FromInvoke(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v
            || !v.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        return Build(String(action, "verb") ?? (data.ValueKind == JsonValueKind.Object ? String(data, Marker) : null), data);
    }

    private static Command? Build(string? verb, JsonElement data)
    {
        var kind = verb?.Trim().ToLowerInvariant() switch
        {
            "start" => CommandKind.Start,
            "hint" => CommandKind.Hint,
            "end" => CommandKind.End,
            "restart" => CommandKind.Restart,
            "mode" => CommandKind.Mode,
            "help" => CommandKind.Help,
            "personas" => CommandKind.Personas,
            "assignments" => CommandKind.Assignments,
            "dashboard" => CommandKind.Dashboard,
            _ => (CommandKind?)null,
        };
        if (kind is null)
        {
            return null;
        }

        var hasData = data.ValueKind == JsonValueKind.Object;
        var locale = hasData ? String(data, "locale") : null;
        return kind switch
        {
            CommandKind.Start => hasData && String(data, "persona") is { Length: > 0 } persona ? new Command(kind.Value, persona, locale) : null,
            CommandKind.Mode => hasData && String(data, "mode") is { Length: > 0 } mode ? new Command(kind.Value, mode, locale) : null,
            _ => new Command(kind.Value, null, locale),
        };
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
