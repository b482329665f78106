using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RolePlayBot.Core.Usage;

/// <summary>
/// Token counts as .NET metrics (meter <see cref="MeterName"/>), so a load test or dotnet-counters / OpenTelemetry
/// can report tokens per call and per turn without reading the store: counters <c>rpb.llm.tokens.input</c>,
/// <c>rpb.llm.tokens.output</c>, <c>rpb.llm.tokens.cached_input</c> and <c>rpb.llm.calls</c> per model call (tag
/// <c>role</c> = customer or judge), and the histogram <c>rpb.turn.tokens</c> of input + output tokens per model turn.
/// </summary>
public static class TokenMetrics
{
    public const string MeterName = "RolePlayBot.Tokens";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Input = Meter.CreateCounter<long>("rpb.llm.tokens.input", "{token}", "Prompt tokens sent to the model, cached ones included");
    private static readonly Counter<long> Output = Meter.CreateCounter<long>("rpb.llm.tokens.output", "{token}", "Completion tokens the model wrote");
    private static readonly Counter<long> CachedInput = Meter.CreateCounter<long>("rpb.llm.tokens.cached_input", "{token}", "Prompt tokens the provider served from its prompt cache");
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("rpb.llm.calls", "{call}", "Model answers received");
    private static readonly Histogram<long> PerTurn = Meter.CreateHistogram<long>("rpb.turn.tokens", "{token}", "Input plus output tokens of one practice turn in model mode");

    internal static void RecordCall(string role, TokenUsage call)
    {
        var tag = new KeyValuePair<string, object?>("role", role);
        Input.Add(call.Input, tag);
        Output.Add(call.Output, tag);
        CachedInput.Add(call.CachedInput, tag);
        Calls.Add(call.Calls, tag);
    }

    /// <summary>Records a finished turn's total (turns without model calls are not recorded).</summary>
    public static void RecordTurn(TokenUsage? turn, string personaId)
    {
        if (turn is not null)
        {
            PerTurn.Record(turn.Total, new TagList { { "persona", personaId } });
        }
    }
}
