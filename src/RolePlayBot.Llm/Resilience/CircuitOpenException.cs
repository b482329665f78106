namespace RolePlayBot.Llm.Resilience;

/// <summary>
/// A call refused without reaching the endpoint, because it failed too often in a row just now. Callers fall back
/// exactly as for any other model failure — only sooner.
/// </summary>
public sealed class CircuitOpenException(string message) : Exception(message);
