namespace RolePlayBot.Llm.Tests.Fakes;

/// <summary>
/// A clock the test moves by hand, for the circuit breaker's break. Timers stay real (the base class's), so request
/// timeouts still fire on their own.
/// </summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}
