namespace RolePlayBot.Llm.Resilience;

/// <summary>The endpoint answered, but not with something a caller can use (a stream cut off before the model finished, nothing at all).</summary>
public sealed class MalformedAnswerException(string message) : Exception(message);
