using RolePlayBot.Llm.Resilience;
using RolePlayBot.Llm.Tests.Fakes;

namespace RolePlayBot.Llm.Tests.Resilience;

public sealed class CircuitBreakerTests
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(30);

    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Opens_after_the_threshold_of_failures_in_a_row_and_refuses_until_the_break_is_over()
    {
        var breaker = new CircuitBreaker(3, Break, _clock);
        Fail(breaker, 2);
        Assert.Equal(CircuitState.Closed, breaker.State);

        Fail(breaker, 1);

        Assert.Equal(CircuitState.Open, breaker.State);
        var refused = Assert.Throws<CircuitOpenException>(() => breaker.Enter());
        Assert.Contains("3 times in a row", refused.Message);
        _clock.Advance(Break - TimeSpan.FromSeconds(1));
        Assert.Throws<CircuitOpenException>(() => breaker.Enter());
    }

    [Fact]
    public void Each_change_of_state_is_told_once_with_what_it_means_for_turns()
    {
        var changes = new List<CircuitChange>();
        var breaker = new CircuitBreaker(2, Break, _clock, changes.Add);

        var late = breaker.Enter();
        Fail(breaker, 2);
        breaker.Failed(late); // a call from before the break failing late tells nothing new
        _clock.Advance(Break);
        breaker.Failed(breaker.Enter());
        _clock.Advance(Break);
        breaker.Succeeded(breaker.Enter());
        breaker.Succeeded(breaker.Enter());

        Assert.Equal(
            [CircuitState.Open, CircuitState.HalfOpen, CircuitState.Open, CircuitState.HalfOpen, CircuitState.Closed],
            changes.Select(c => c.To));
        Assert.Contains("failed 2 times in a row", changes[0].Reason, StringComparison.Ordinal);
        Assert.Contains("30 s", changes[0].Reason, StringComparison.Ordinal);
        Assert.Contains("offline engine", changes[0].Reason, StringComparison.Ordinal);
        Assert.Contains("probe call failed", changes[2].Reason, StringComparison.Ordinal);
        Assert.Contains("use the model again", changes[4].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_success_resets_the_count_so_only_failures_in_a_row_open_it()
    {
        var breaker = new CircuitBreaker(3, Break, _clock);
        Fail(breaker, 2);
        breaker.Succeeded(breaker.Enter());
        Fail(breaker, 2);

        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void After_the_break_one_probe_goes_through_others_wait_and_its_success_closes_the_circuit()
    {
        var breaker = new CircuitBreaker(2, Break, _clock);
        Fail(breaker, 2);
        _clock.Advance(Break);

        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        var probe = breaker.Enter();
        Assert.True(probe.IsProbe);
        Assert.Contains("half-open", Assert.Throws<CircuitOpenException>(() => breaker.Enter()).Message);

        breaker.Succeeded(probe);

        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.False(breaker.Enter().IsProbe);
        Assert.False(breaker.Enter().IsProbe);
    }

    [Fact]
    public void A_failed_probe_opens_the_circuit_for_another_break()
    {
        var breaker = new CircuitBreaker(2, Break, _clock);
        Fail(breaker, 2);
        _clock.Advance(Break);

        breaker.Failed(breaker.Enter());

        Assert.Equal(CircuitState.Open, breaker.State);
        _clock.Advance(Break - TimeSpan.FromSeconds(1));
        Assert.Throws<CircuitOpenException>(() => breaker.Enter());
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(breaker.Enter().IsProbe);
    }

    [Fact]
    public void A_probe_the_caller_abandoned_lets_the_next_caller_probe()
    {
        var breaker = new CircuitBreaker(1, Break, _clock);
        Fail(breaker, 1);
        _clock.Advance(Break);

        breaker.Abandoned(breaker.Enter());

        Assert.True(breaker.Enter().IsProbe);
    }

    [Fact]
    public void Late_outcomes_of_calls_begun_before_it_opened_change_nothing()
    {
        var breaker = new CircuitBreaker(2, Break, _clock);
        var early = breaker.Enter();
        var earlier = breaker.Enter();
        Fail(breaker, 2);

        breaker.Succeeded(early);
        breaker.Failed(earlier);

        Assert.Equal(CircuitState.Open, breaker.State);
        _clock.Advance(Break);
        Assert.True(breaker.Enter().IsProbe);
    }

    [Fact]
    public void A_threshold_of_zero_never_opens()
    {
        var breaker = new CircuitBreaker(0, Break, _clock);
        Fail(breaker, 50);

        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.False(breaker.Enter().IsProbe);
    }

    private static void Fail(CircuitBreaker breaker, int times)
    {
        for (var i = 0; i < times; i++)
        {
            breaker.Failed(breaker.Enter());
        }
    }
}
