using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace RolePlayBot.LoadTest;

/// <summary>The run as Markdown: the machine and date, one row per step, model-mode overhead, memory, and what was skipped.</summary>
public static class Report
{
    public static string Build(LoadOptions options, string loadBefore, IReadOnlyList<StepResult> steps, MemoryResult? memory, IReadOnlyList<string> notes)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {Cpu()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; "
            + $"{options.Warmup.TotalSeconds:0} s warm-up and {options.Duration.TotalSeconds:0} s measured per step; load average at the start: {loadBefore}.");
        text.AppendLine();
        text.AppendLine("| target | trainees | turns | turns/s | p50 ms | p99 ms | errors | bot CPU ms/turn | load tool CPU ms/turn | turn mix (start/reply/end/after end) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var s in steps)
        {
            var mix = Target.IsReference(s.Target) ? "echo" : $"{s.Count(TurnKind.Start)}/{s.Count(TurnKind.Reply)}/{s.Count(TurnKind.End)}/{s.Count(TurnKind.AfterEnd)}";
            var label = (s.Model is { } m ? $"{s.Target} ({m.Latency.TotalMilliseconds:0} ms model)" : s.Target)
                + (s.Rate > 0 ? $", {s.Rate}/s offered" : "");
            text.AppendLine(inv, $"| {label} | {s.Trainees} | {s.Turns} | {s.TurnsPerSecond:0} | {s.P50:0.0} | {s.P99:0.0} | {s.ErrorCount} | {s.BotCpuPerTurn:0.000} | {s.ToolCpuPerTurn:0.000} | {mix} |");
        }

        var model = steps.Where(s => s.Model is not null).ToList();
        if (model.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Model mode (stub Chat Completions server on loopback). Overhead = a reply turn's latency minus one model round trip "
                + "(the customer and the judge run at once) as set; bot's own = the turn's latency minus the longest of its model calls "
                + "as the stub really served it (arrival to last byte), so the stub's own late timers are not counted and everything "
                + "else is, the trips to and from the stub included; replies that found their session over are not counted. "
                + $"{Target.ModelRelay} (Microsoft's JavaScript SDK) and {Target.ModelRelayDotnet} (bare ASP.NET Core) make the same two calls "
                + "and answer with the customer's text, nothing else: their own time is the floor the load tool, the loopback trips and "
                + $"the runtime set on this machine; {Target.ModelRelayDotnetStream} also sends what RolePlayBot sends a Teams 1:1 chat "
                + "(a typing indicator, the customer's text as a livestream, a feedback card with the judge's answer, the final message): "
                + "the floor for a bot that streams and gives feedback. Before the model = from the inbound POST to the arrival of the turn's later call at the stub; "
                + "after = from that call's last byte to the completing arrival at the connector:");
            text.AppendLine();
            text.AppendLine("| bot | trainees | model latency ms | stub's real answer p50 / p99 ms | model calls per reply turn | streamed calls | most calls in flight | reply p50 ms | reply p50 / latency | overhead p50 ms | overhead p99 ms | bot's own p50 ms | bot's own p99 ms | before the model p50 / p99 ms | after the model p50 / p99 ms |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var s in model)
            {
                var m = s.Model!;
                var replies = Math.Max(1, s.ModelTurns);
                var bot = s.Target + (s.Rate > 0 ? $", {s.Rate}/s" : "");
                text.AppendLine(inv, $"| {bot} | {s.Trainees} | {m.Latency.TotalMilliseconds:0} | {m.AnswerP50:0.0} / {m.AnswerP99:0.0} | {m.Calls / (double)replies:0.00} | {m.Streamed} | {m.MaxInFlight} | {m.ReplyP50:0.0} | {m.ReplyP50 / m.Latency.TotalMilliseconds:0.00}× | {m.OverheadP50:0.0} | {m.OverheadP99:0.0} | {m.OwnP50:0.0} | {m.OwnP99:0.0} | {m.BeforeP50:0.0} / {m.BeforeP99:0.0} | {m.AfterP50:0.0} / {m.AfterP99:0.0} |");
            }

            text.AppendLine();
            text.AppendLine("Tokens per reply turn (estimated by the stub from what the bot sent: one per CJK character, one per four others; "
                + "cached = the part of the input that repeats a prefix sent before, what a provider's prefix cache would serve):");
            text.AppendLine();
            text.AppendLine("| trainees | model latency ms | input tokens / reply turn | of which cacheable prefix | output tokens / reply turn |");
            text.AppendLine("|---:|---:|---:|---:|---:|");
            foreach (var s in model.Where(s => s.Model!.Tokens is not null && s.Target == Target.ModelSqlite))
            {
                var t = s.Model!.Tokens!;
                var replies = Math.Max(1, s.ModelTurns);
                text.AppendLine(inv, $"| {s.Trainees} | {s.Model!.Latency.TotalMilliseconds:0} | {t.Input / (double)replies:0} | {t.Cached / (double)replies:0} ({(t.Input == 0 ? 0 : t.Cached * 100.0 / t.Input):0}%) | {t.Output / (double)replies:0} |");
            }
        }

        if (memory is not null)
        {
            text.AppendLine();
            text.AppendLine(inv, $"Memory of the bot process (offline, SQLite; workstation GC, 4 MB gen0) for {memory.Sessions} more sessions opened and left active: "
                + $"private {Mb(memory.PrivateBefore)} → {Mb(memory.PrivateAfter)} MB ({memory.PrivatePerSession / 1024:0.0} KB per session), "
                + $"RSS {Mb(memory.RssBefore)} → {Mb(memory.RssAfter)} MB ({memory.RssPerSession / 1024:0.0} KB per session); "
                + $"the SQLite file grew {memory.StorePerSession / 1024:0.0} KB per session.");
        }

        foreach (var error in steps.SelectMany(s => s.Errors.Select(e => $"{s.Target} ×{s.Trainees}: {e.Key} ({e.Value})")))
        {
            text.AppendLine();
            text.AppendLine(inv, $"- error: {error}");
        }

        foreach (var note in notes)
        {
            text.AppendLine();
            text.AppendLine(inv, $"- {note}");
        }

        return text.ToString();
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Cpu()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
