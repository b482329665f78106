using System.Text.Json;

namespace RolePlayBot.Core.Evaluation;

/// <summary>Parses the judge's JSON. Never throws: a broken answer is reported as the reason it is unusable.</summary>
public static class JudgeVerdictParser
{
    public static bool TryParse(string? text, out JudgeVerdict verdict, out string error)
    {
        verdict = new JudgeVerdict([], null, null, false, []);
        var json = StripFence(text ?? "");
        if (json.Length == 0)
        {
            error = "the answer was empty";
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                error = "the answer has no \"items\" array";
                return false;
            }
            var parsed = new List<JudgeItem>();
            var problems = new List<string>();
            foreach (var entry in items.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object
                    && entry.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                    && entry.TryGetProperty("observed", out var observed) && observed.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    var evidence = entry.TryGetProperty("evidence", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                    parsed.Add(new JudgeItem(id.GetString()!, observed.GetBoolean(), evidence));
                }
                else
                {
                    problems.Add($"judge item ignored, it lacks an id or a boolean observed: {Shorten(entry.GetRawText())}");
                }
            }
            verdict = new JudgeVerdict(
                parsed,
                StringOf(root, "critique"),
                StringOf(root, "suggested_reply"),
                root.TryGetProperty("injection_suspected", out var injection) && injection.ValueKind == JsonValueKind.True,
                problems);
            error = "";
            return true;
        }
        catch (JsonException e)
        {
            error = $"the answer is not valid JSON ({e.Message})";
            return false;
        }
    }

    private static string? StringOf(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    // Local models asked for JSON still like to wrap it in a Markdown fence.
    private static string StripFence(string text)
    {
        text = text.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal))
        {
            return text;
        }
        var firstLine = text.IndexOf('\n');
        var close = text.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine < 0 || close <= firstLine ? text : text[(firstLine + 1)..close].Trim();
    }

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
