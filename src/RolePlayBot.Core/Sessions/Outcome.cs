namespace RolePlayBot.Core.Sessions;

/// <summary>How a practice session ended, or <see cref="Ongoing"/>.</summary>
public enum Outcome
{
    Ongoing,
    /// <summary>The customer accepted the resolution.</summary>
    Resolved,
    /// <summary>The customer threatened 差评 / 12315 and left.</summary>
    Escalated,
    /// <summary>The customer gave up waiting.</summary>
    Abandoned,
    /// <summary>The trainee ended the session.</summary>
    EndedByTrainee,
    /// <summary>The session reached the most replies a session may have (the bot's setting) before any other end.</summary>
    TurnLimit,
}
