using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RolePlayBot.Bot.Protocol;

/// <summary>The wire format: camelCase, nulls omitted, unknown fields kept (Activity.Extra).</summary>
public static class BotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new UtcTimestampConverter() },
    };
}
