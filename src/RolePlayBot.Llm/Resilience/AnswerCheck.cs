using System.Text.Json;
using Microsoft.Extensions.AI;

namespace RolePlayBot.Llm.Resilience;

/// <summary>
/// Whether a complete answer is usable at the level every caller shares: some text, and when JSON was asked for,
/// a JSON object with the schema's required top-level properties. Deeper checks belong to the caller (the judge's
/// parser); this one only decides whether the endpoint answered properly, for the circuit breaker.
/// </summary>
internal static class AnswerCheck
{
    /// <summary>Why <paramref name="response"/> is unusable, or null when it is fine.</summary>
    public static string? Problem(ChatResponse response, ChatOptions? options)
    {
        var text = response.Text.Trim();
        if (text.Length == 0)
        {
            return "the answer was empty";
        }

        return options?.ResponseFormat is ChatResponseFormatJson json ? JsonProblem(text, json.Schema) : null;
    }

    private static string? JsonProblem(string text, JsonElement? schema)
    {
        try
        {
            using var document = JsonDocument.Parse(StripFence(text));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return $"JSON was asked for but the answer is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object";
            }

            var missing = Required(schema).Where(name => !document.RootElement.TryGetProperty(name, out _)).ToList();
            return missing.Count == 0 ? null : $"the JSON answer lacks {string.Join(", ", missing)}";
        }
        catch (JsonException e)
        {
            return $"JSON was asked for but the answer is not JSON ({e.Message})";
        }
    }

    private static IEnumerable<string> Required(JsonElement? schema) =>
        schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array
            ? required.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!)
            : [];

    // Local models asked for JSON still like to wrap it in a Markdown fence; the judge's parser accepts that, so must this.
    private static string StripFence(string text)
    {
        if (!text.StartsWith("```", StringComparison.Ordinal))
        {
            return text;
        }

        var firstLine = text.IndexOf('\n');
        var close = text.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine < 0 || close <= firstLine ? text : text[(firstLine + 1)..close].Trim();
    }
}
