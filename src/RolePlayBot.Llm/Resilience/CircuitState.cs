namespace RolePlayBot.Llm.Resilience;

/// <summary>Where a <see cref="CircuitBreaker"/> stands.</summary>
public enum CircuitState
{
    /// <summary>Calls go through; failures in a row are counted.</summary>
    Closed,

    /// <summary>Too many failures in a row: calls are refused at once until the break is over.</summary>
    Open,

    /// <summary>The break is over: one probe call may go through; its outcome closes or reopens the circuit.</summary>
    HalfOpen,
}
