namespace RolePlayBot.Llm.Tests.Fakes;

/// <summary>Token usage as a Chat Completions response reports it.</summary>
/// <param name="Cached">prompt_tokens_details.cached_tokens; null leaves the details out, as some servers do.</param>
internal sealed record FakeUsage(int Prompt, int Completion, int? Cached)
{
    public Dictionary<string, object> ToWire()
    {
        var wire = new Dictionary<string, object>
        {
            ["prompt_tokens"] = Prompt,
            ["completion_tokens"] = Completion,
            ["total_tokens"] = Prompt + Completion,
        };
        if (Cached is { } cached)
        {
            wire["prompt_tokens_details"] = new Dictionary<string, object> { ["cached_tokens"] = cached };
        }
        return wire;
    }
}
