namespace RolePlayBot.Bot.DirectLine;

/// <summary>Direct Line's error body: <c>{"error":{"code","message"}}</c>.</summary>
internal static class DirectLineErrors
{
    public static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);

    public static IResult Unauthorized() =>
        Error(StatusCodes.Status401Unauthorized, "MissingToken", "Send 'Authorization: Bearer <token>' (the streamUrl carries its own token).");

    public static IResult Forbidden(string code, string message) => Error(StatusCodes.Status403Forbidden, code, message);

    public static IResult NotFound(string conversationId) =>
        Error(StatusCodes.Status404NotFound, "ConversationNotFound", $"Conversation '{conversationId}' does not exist or has ended.");

    public static IResult BadArgument(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);
}
