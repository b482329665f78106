using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RolePlayBot.Core.Reports;

/// <summary>The one JSON shape the CLI (and later the bot's APIs) write: camelCase fields, snake_case enum values, readable Chinese.</summary>
public static class RpbJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: true);

    /// <summary>For JSON Lines output: one object per line.</summary>
    public static readonly JsonSerializerOptions Compact = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = indented,
        // Keep 中文 readable in files trainers open; JSON stays valid.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
