namespace RolePlayBot.Bot.DirectLine;

/// <summary>What a Direct Line token grants: one conversation (and its user, when known) until it expires.</summary>
/// <param name="Scope"><see cref="ConversationScope"/> for the REST API, <see cref="StreamScope"/> for one WebSocket connect.</param>
internal sealed record DirectLineToken(string ConversationId, string? UserId, string Scope, DateTimeOffset Expires)
{
    public const string ConversationScope = "conversation";

    public const string StreamScope = "stream";
}
