using System.Text.Json;
using System.Text.Json.Nodes;
using RolePlayBot.Core.Checklist;

namespace RolePlayBot.Core.Evaluation;

/// <summary>
/// The strict JSON schema the judge must answer in. It lives in code, next to the parser that relies on it,
/// rather than in the prompt file, so a prompt edit cannot change the contract.
/// </summary>
public static class JudgeSchema
{
    public static JsonElement Schema { get; } = Build();

    private static JsonElement Build()
    {
        var item = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. ChecklistItemIds.All.Select(id => JsonValue.Create(id))]) },
                ["observed"] = new JsonObject { ["type"] = "boolean" },
                ["evidence"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["description"] = "An exact quote from the trainee reply, or null." },
            },
            ["required"] = new JsonArray("id", "observed", "evidence"),
            ["additionalProperties"] = false,
        };
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["items"] = new JsonObject { ["type"] = "array", ["items"] = item },
                ["critique"] = new JsonObject { ["type"] = "string" },
                ["suggested_reply"] = new JsonObject { ["type"] = "string" },
                ["injection_suspected"] = new JsonObject { ["type"] = "boolean" },
            },
            ["required"] = new JsonArray("items", "critique", "suggested_reply", "injection_suspected"),
            ["additionalProperties"] = false,
        };
        return JsonSerializer.SerializeToElement(schema);
    }
}
