namespace RolePlayBot.Bot.Conversations;

/// <summary>
/// How a command went, in the trainee's language. A failure's message has not been sent yet: a chat turn posts
/// it, an Action.Execute invoke returns it as the error body.
/// </summary>
public sealed record ActionResult(bool Ok, string Message)
{
    public static ActionResult Done(string message) => new(true, message);

    public static ActionResult Failed(string message) => new(false, message);
}
