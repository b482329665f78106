namespace RolePlayBot.Llm.Resilience;

/// <summary>
/// A <see cref="CircuitBreaker"/> changed state: what an operator needs in the log to know why a class is suddenly
/// practising on the offline engine, and when the model came back.
/// </summary>
/// <param name="To">The state it is in now.</param>
/// <param name="Reason">One plain sentence: what happened and what it means for turns.</param>
public sealed record CircuitChange(CircuitState To, string Reason);
