namespace RolePlayBot.Llm.Resilience;

/// <summary>How long a caller waits for the model before falling back.</summary>
/// <param name="Call">A whole non-streaming call, retries included.</param>
/// <param name="StreamIdle">The longest silence before a streamed answer's first chunk or between two chunks.</param>
/// <param name="Stream">A whole streamed answer.</param>
public sealed record ModelTimeouts(TimeSpan Call, TimeSpan StreamIdle, TimeSpan Stream)
{
    public static ModelTimeouts From(LlmOptions options) => new(
        TimeSpan.FromSeconds(options.CallTimeoutSeconds),
        TimeSpan.FromSeconds(options.StreamIdleTimeoutSeconds),
        TimeSpan.FromSeconds(options.StreamTimeoutSeconds));
}
