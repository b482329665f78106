namespace RolePlayBot.Llm.Resilience;

/// <summary>Leave to make one call; its outcome must be reported back to the breaker that gave it.</summary>
/// <param name="IsProbe">True for the one call let through after a break to test the endpoint.</param>
public readonly record struct CircuitPermit(bool IsProbe);
