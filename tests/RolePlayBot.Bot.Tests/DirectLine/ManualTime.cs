namespace RolePlayBot.Bot.Tests.DirectLine;

/// <summary>A clock the test moves by hand (token expiry).</summary>
internal sealed class ManualTime : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}
