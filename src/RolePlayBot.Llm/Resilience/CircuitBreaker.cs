namespace RolePlayBot.Llm.Resilience;

/// <summary>
/// A consecutive-failure circuit breaker for one model endpoint, shared by every session that calls it: after
/// <c>failureThreshold</c> failed calls in a row it opens for <c>breakDuration</c>, refusing calls at once so that turns
/// fall back to the offline engine immediately instead of each waiting out a dead endpoint's timeouts. When the break
/// is over one probe call goes through (the others keep being refused while it runs); its success closes the circuit,
/// its failure opens it for another break.
/// </summary>
/// <remarks>
/// Hand-written rather than Polly's breaker: Polly's is failure-ratio based over a sampling window and wraps a
/// delegate, while streaming calls need the permit held across an enumeration; "K failures in a row" is also what an
/// operator can reason about from a log of failed turns.
/// </remarks>
public sealed class CircuitBreaker
{
    private readonly Lock _gate = new();
    private readonly int _failureThreshold;
    private readonly TimeSpan _breakDuration;
    private readonly TimeProvider _time;
    private readonly Action<CircuitChange>? _changed;
    private int _failures;
    private DateTimeOffset? _openUntil;
    private bool _probing;

    /// <param name="failureThreshold">Failures in a row that open the circuit; 0 never opens it.</param>
    /// <param name="breakDuration">How long the circuit stays open before a probe.</param>
    /// <param name="time">The clock the break is measured on.</param>
    /// <param name="changed">Told of every change of state (opened, probing, closed again), outside the breaker's lock.</param>
    public CircuitBreaker(int failureThreshold, TimeSpan breakDuration, TimeProvider? time = null, Action<CircuitChange>? changed = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(failureThreshold);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(breakDuration, TimeSpan.Zero);
        _failureThreshold = failureThreshold;
        _breakDuration = breakDuration;
        _time = time ?? TimeProvider.System;
        _changed = changed;
    }

    public CircuitState State
    {
        get
        {
            lock (_gate)
            {
                return _openUntil is not { } until ? CircuitState.Closed
                    : _probing || _time.GetUtcNow() >= until ? CircuitState.HalfOpen
                    : CircuitState.Open;
            }
        }
    }

    /// <summary>Leave to call the endpoint now; throws <see cref="CircuitOpenException"/> when the circuit refuses.</summary>
    public CircuitPermit Enter()
    {
        lock (_gate)
        {
            if (_openUntil is not { } until)
            {
                return new CircuitPermit(IsProbe: false);
            }

            var now = _time.GetUtcNow();
            if (now < until)
            {
                throw new CircuitOpenException(
                    $"the model endpoint failed {_failureThreshold} times in a row; calls are refused for {Math.Ceiling((until - now).TotalSeconds):0} s more (circuit open)");
            }

            if (_probing)
            {
                throw new CircuitOpenException("the model endpoint is being probed after repeated failures; calls are refused until it answers (circuit half-open)");
            }

            _probing = true;
        }

        Tell(CircuitState.HalfOpen, "the break is over: one call goes to the model endpoint to probe it; the others keep using the offline engine until it answers");
        return new CircuitPermit(IsProbe: true);
    }

    /// <summary>The endpoint answered usably (or refused this one request on its merits): it is alive.</summary>
    public void Succeeded(CircuitPermit permit)
    {
        lock (_gate)
        {
            if (!permit.IsProbe && _openUntil is not null)
            {
                // A late success of a call that began before the circuit opened proves less than a probe would: the break stands.
                return;
            }

            _failures = 0;
            _openUntil = null;
            _probing = false;
        }

        if (permit.IsProbe)
        {
            Tell(CircuitState.Closed, "the probe call succeeded: turns use the model again (circuit closed)");
        }
    }

    /// <summary>The endpoint failed this call: timed out, refused with 429/5xx, or answered something unusable.</summary>
    public void Failed(CircuitPermit permit)
    {
        lock (_gate)
        {
            if (permit.IsProbe)
            {
                _probing = false;
                _openUntil = _time.GetUtcNow() + _breakDuration;
            }
            else if (_openUntil is not null || _failureThreshold == 0 || ++_failures < _failureThreshold)
            {
                return;
            }
            else
            {
                _openUntil = _time.GetUtcNow() + _breakDuration;
            }
        }

        Tell(CircuitState.Open, permit.IsProbe
            ? $"the probe call failed too: calls to the model endpoint are refused for another {_breakDuration.TotalSeconds:0} s and turns use the offline engine (circuit open)"
            : $"the model endpoint failed {_failureThreshold} times in a row: calls are refused for {_breakDuration.TotalSeconds:0} s and turns use the offline engine (circuit open)");
    }

    /// <summary>The caller gave up on its own (cancelled, or stopped reading a stream): nothing learned about the endpoint.</summary>
    public void Abandoned(CircuitPermit permit)
    {
        if (!permit.IsProbe)
        {
            return;
        }

        lock (_gate)
        {
            // Let the next caller probe instead.
            _probing = false;
        }
    }

    private void Tell(CircuitState to, string reason) => _changed?.Invoke(new CircuitChange(to, reason));
}
