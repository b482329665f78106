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

    /// <summary>The trainee's open assignments, each with a start button.</summary>
    Assignments,

    /// <summary>A one-time sign-in link to the dashboard (trainers) or the user's own progress page.</summary>
    Dashboard,
}
