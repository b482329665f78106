using System.Text.Json;
using RolePlayBot.Llm.Tests.Fakes;

namespace RolePlayBot.Bot.Tests.Faults;

/// <summary>Telling the judge's calls from the customer's when both reach the same fake model.</summary>
internal static class ModelCalls
{
    /// <summary>The judge asks for a JSON schema; the customer asks for text ("response_format": {"type": "text"}).</summary>
    public static bool IsJudge(RecordedRequest request) =>
        request.Json.TryGetProperty("response_format", out var format) && format.ValueKind == JsonValueKind.Object
        && format.TryGetProperty("type", out var type) && type.GetString() == "json_schema";
}
