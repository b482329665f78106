using System.Text.Json.Serialization;

namespace RolePlayBot.Bot.DirectLine;

/// <summary>The answer of Direct Line's tokens/generate.</summary>
internal sealed record GeneratedToken(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
