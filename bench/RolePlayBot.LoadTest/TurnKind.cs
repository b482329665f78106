namespace RolePlayBot.LoadTest;

/// <summary>What a simulated trainee's message asks of the bot, which decides which arrival completes the turn.</summary>
public enum TurnKind
{
    /// <summary>"start persona": complete at the customer's opening line (the briefing comes first).</summary>
    Start,

    /// <summary>A reply to the customer: feedback, then the customer's answer, which completes the turn.</summary>
    Reply,

    /// <summary>"end": complete at the scorecard.</summary>
    End,

    /// <summary>A message to the echo bot: complete at its echo.</summary>
    Echo,
}
