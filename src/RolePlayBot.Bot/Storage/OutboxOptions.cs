namespace RolePlayBot.Bot.Storage;

/// <summary>Settings of the outbox drainer (section "Storage:Outbox").</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Storage:Outbox";

    /// <summary>How often pending replies are looked for, in seconds; 0 turns the loop off (tests drain by hand).</summary>
    public double IntervalSeconds { get; set; } = 10;

    /// <summary>
    /// A reply is the drainer's only once it has been pending this long: until then the instance that committed it is
    /// presumably still sending it, and sending it here too would say it twice.
    /// </summary>
    public double GraceSeconds { get; set; } = 30;

    /// <summary>Sends tried per reply before it is given up (logged as an error and marked, so it stops blocking the queue).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Pending replies read per pass.</summary>
    public int BatchSize { get; set; } = 200;
}
