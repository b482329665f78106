namespace RolePlayBot.Bot.Conversations;

/// <summary>What the trainee asks the bot to do (as opposed to replying to the customer).</summary>
public enum CommandKind
{
    Help,
    Personas,
    Start,
    Hint,
    End,
    Restart,
    Mode,
}
