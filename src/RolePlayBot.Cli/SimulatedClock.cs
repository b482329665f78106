namespace RolePlayBot.Cli;

/// <summary>A fixed clock for scripted sessions: their times come from the replies file, not from the wall.</summary>
internal sealed class SimulatedClock : TimeProvider
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Epoch;
}
