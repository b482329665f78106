namespace RolePlayBot.Bot.Limits;

/// <summary>
/// How fast trainees may send ("RateLimits"). A fast typist answering a customer sends a message every few seconds at
/// most, with a short burst now and then (a command, a button, a reply); a paste loop or a stuck client sends many a
/// second. The defaults sit between: a minute's allowance may be used in one burst, then one message per
/// 60/limit seconds.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>False turns rate limiting off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Messages per minute from one user, across their conversations.</summary>
    public int PerUserPerMinute { get; set; } = 20;

    /// <summary>Messages per minute into one conversation, whoever sends them (a group chat has several trainees).</summary>
    public int PerConversationPerMinute { get; set; } = 40;

    /// <summary>
    /// The most users and conversations tracked at once. Idle ones are forgotten after a minute; past this many, new
    /// senders are let through untracked rather than growing memory without bound.
    /// </summary>
    public int MaxTracked { get; set; } = 100_000;
}
