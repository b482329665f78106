using System.Collections.Concurrent;

namespace RolePlayBot.LoadTest;

/// <summary>Turn latencies and errors of one measured step; recording is switched on after the warm-up.</summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentBag<(TurnKind Kind, double Ms)> samples = [];
    private readonly ConcurrentDictionary<string, int> errors = new(StringComparer.Ordinal);
    private volatile bool recording;

    public bool Recording
    {
        get => recording;
        set => recording = value;
    }

    public void Add(TurnKind kind, TimeSpan latency)
    {
        if (recording)
        {
            samples.Add((kind, latency.TotalMilliseconds));
        }
    }

    public void Error(string reason)
    {
        if (recording)
        {
            errors.AddOrUpdate(reason, 1, (_, n) => n + 1);
        }
    }

    public IReadOnlyList<(TurnKind Kind, double Ms)> Samples => [.. samples];

    public IReadOnlyDictionary<string, int> Errors => errors;
}
