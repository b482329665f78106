namespace RolePlayBot.LoadTest;

/// <summary>One measured step: a target under N concurrent trainees.</summary>
public sealed record StepResult(
    string Target,
    int Trainees,
    TimeSpan Duration,
    IReadOnlyList<TurnSample> Samples,
    IReadOnlyDictionary<string, int> Errors,
    ModelFigures? Model,
    TimeSpan BotCpu,
    TimeSpan ToolCpu)
{
    /// <summary>Turns per second offered (open loop), or 0 for a closed loop.</summary>
    public int Rate { get; init; }

    /// <summary>CPU the bot process spent per measured turn, in milliseconds (steadier than turns/s on a busy machine).</summary>
    public double BotCpuPerTurn => Turns == 0 ? double.NaN : BotCpu.TotalMilliseconds / Turns;

    /// <summary>CPU the load tool itself (trainees, connector, stub model) spent per measured turn.</summary>
    public double ToolCpuPerTurn => Turns == 0 ? double.NaN : ToolCpu.TotalMilliseconds / Turns;

    public int Turns => Samples.Count;

    public double TurnsPerSecond => Samples.Count / Duration.TotalSeconds;

    public int ErrorCount => Errors.Values.Sum();

    public double P50 => Percentile(Samples.Select(s => s.Ms), 0.50);

    public double P99 => Percentile(Samples.Select(s => s.Ms), 0.99);

    public int Count(TurnKind kind) => Samples.Count(s => s.Kind == kind);

    /// <summary>The turns that call the model: RolePlayBot's replies (not its starts and ends), every one of the relay's.</summary>
    public int ModelTurns => Count(LoadTest.Target.IsReference(Target) ? TurnKind.Echo : TurnKind.Reply);

    /// <summary>Nearest-rank percentile; NaN when there are no samples.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>Model mode: the stub's latency, its calls, and the bot's own time per reply turn (latency minus one model round trip).</summary>
/// <param name="AnswerP50">The stub's real answer time (arrival to last byte): above the latency only when its own timers ran late.</param>
public sealed record ModelFigures(
    TimeSpan Latency, long Calls, long Streamed, int MaxInFlight, double OverheadP50, double OverheadP99, double ReplyP50, double AnswerP50, double AnswerP99)
{
    /// <summary>Estimated tokens the bot's model calls carried in the measured window (see <see cref="PromptMeter"/>).</summary>
    public TokenFigures? Tokens { get; init; }

    /// <summary>The bot's own time per reply turn: its latency minus the longest of its calls as the stub served it.</summary>
    public double OwnP50 { get; init; } = double.NaN;

    /// <inheritdoc cref="OwnP50"/>
    public double OwnP99 { get; init; } = double.NaN;

    /// <summary>From the inbound POST to the arrival of the turn's last model call at the stub: the bot's time before the model.</summary>
    public double BeforeP50 { get; init; } = double.NaN;

    /// <inheritdoc cref="BeforeP50"/>
    public double BeforeP99 { get; init; } = double.NaN;

    /// <summary>From the stub's last byte of the turn's last call to the turn's completing arrival: the bot's time after the model.</summary>
    public double AfterP50 { get; init; } = double.NaN;

    /// <inheritdoc cref="AfterP50"/>
    public double AfterP99 { get; init; } = double.NaN;

    /// <summary>Reply turns none of whose calls the stub could attribute (not in <see cref="OwnP50"/>).</summary>
    public int Unattributed { get; init; }
}

/// <summary>Estimated tokens over the measured window: input, the part a prefix cache would serve, and output.</summary>
public sealed record TokenFigures(long Input, long Cached, long Output);

/// <summary>Memory of the bot process before and after opening many sessions that stay active.</summary>
public sealed record MemoryResult(int Sessions, long RssBefore, long RssAfter, long PrivateBefore, long PrivateAfter, long StoreBytesBefore, long StoreBytesAfter)
{
    public double PrivatePerSession => (PrivateAfter - PrivateBefore) / (double)Sessions;

    public double RssPerSession => (RssAfter - RssBefore) / (double)Sessions;

    public double StorePerSession => (StoreBytesAfter - StoreBytesBefore) / (double)Sessions;
}
