namespace RolePlayBot.LoadTest;

/// <summary>What a simulated trainee's message asks of the bot, which decides which arrival completes the turn.</summary>
public enum TurnKind
{
    /// <summary>"start persona": complete at the customer's opening line (the briefing comes first).</summary>
    Start,

    /// <summary>A reply to the customer: feedback, then the customer's answer, which completes the turn.</summary>
    Reply,

    /// <summary>
    /// A reply that found its session already over: the customer's closing line arrived before the scorecard, and the
    /// trainee answered at once. The bot says no session is running; no model is called. Counted apart from replies,
    /// so "model calls per reply turn" counts only turns that ran a reply (earlier runs counted these and showed 1.5).
    /// </summary>
    AfterEnd,

    /// <summary>"end": complete at the scorecard.</summary>
    End,

    /// <summary>A message to the echo bot: complete at its echo.</summary>
    Echo,
}
