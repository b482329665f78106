using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace RolePlayBot.Core.Usage;

/// <summary>
/// Tokens spent on model calls: what a turn or a session cost. <see cref="CachedInput"/> is the part of
/// <see cref="Input"/> the provider served from its prompt cache (billed cheaper, answered faster), so the share
/// shows whether the cache-friendly prompt layout pays off.
/// </summary>
/// <param name="Input">Prompt tokens, cached ones included.</param>
/// <param name="Output">Completion tokens.</param>
/// <param name="CachedInput">Prompt tokens read from the provider's cache.</param>
/// <param name="Calls">Model answers these counts come from (a call that failed before answering is not counted).</param>
public sealed record TokenUsage(long Input, long Output, long CachedInput, int Calls)
{
    public static readonly TokenUsage None = new(0, 0, 0, 0);

    /// <summary>Input plus output.</summary>
    [JsonIgnore]
    public long Total => Input + Output;

    /// <summary>One call's usage as the provider reported it; a provider that reports nothing still counts as a call.</summary>
    public static TokenUsage FromCall(UsageDetails? usage) => new(
        usage?.InputTokenCount ?? 0,
        usage?.OutputTokenCount ?? 0,
        usage?.CachedInputTokenCount ?? 0,
        1);

    /// <summary>The sum of the known usages; null when none is known (an offline session).</summary>
    public static TokenUsage? Sum(IEnumerable<TokenUsage?> usages)
    {
        TokenUsage? sum = null;
        foreach (var usage in usages)
        {
            if (usage is not null)
            {
                sum = sum is null ? usage : sum + usage;
            }
        }
        return sum;
    }

    public static TokenUsage operator +(TokenUsage a, TokenUsage b) =>
        new(a.Input + b.Input, a.Output + b.Output, a.CachedInput + b.CachedInput, a.Calls + b.Calls);
}
