namespace RolePlayBot.Bot.Protocol;

/// <summary>The synchronous answer to an invoke activity: HTTP status and JSON body.</summary>
public sealed record InvokeResponse(int Status, object? Body);
