using System.Collections.Concurrent;
using System.Diagnostics;

namespace RolePlayBot.LoadTest;

/// <summary>Turn latencies and errors of one measured step; recording is switched on after the warm-up.</summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentBag<TurnSample> samples = [];
    private readonly ConcurrentDictionary<string, int> errors = new(StringComparer.Ordinal);
    private volatile bool recording;

    public bool Recording
    {
        get => recording;
        set => recording = value;
    }

    /// <param name="trainee">The trainee's index, which tags its replies in model mode (see <see cref="StubModelServer"/>).</param>
    /// <param name="start">Stopwatch timestamp the latency runs from.</param>
    /// <param name="end">Stopwatch timestamp of the arrival that completed the turn.</param>
    public void Add(TurnKind kind, int trainee, long start, long end)
    {
        if (recording)
        {
            samples.Add(new TurnSample(kind, Stopwatch.GetElapsedTime(start, end).TotalMilliseconds, trainee, start, end));
        }
    }

    public void Error(string reason)
    {
        if (recording)
        {
            errors.AddOrUpdate(reason, 1, (_, n) => n + 1);
        }
    }

    public IReadOnlyList<TurnSample> Samples => [.. samples];

    public IReadOnlyDictionary<string, int> Errors => errors;
}

/// <summary>One measured turn: its latency, whose it was, and when it ran (Stopwatch timestamps).</summary>
public readonly record struct TurnSample(TurnKind Kind, double Ms, int Trainee, long Start, long End);
