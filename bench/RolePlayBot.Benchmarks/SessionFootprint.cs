using System.Globalization;
using System.Text;
using System.Text.Json;
using RolePlayBot.Core.Reports;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Benchmarks;

/// <summary>
/// Memory per session, measured rather than estimated: the managed heap retained by many live sessions after k turns
/// (full GC before and after, divided by their number) and the size of the snapshot the bot stores for each.
/// </summary>
public static class SessionFootprint
{
    public static async Task<string> MeasureAsync(int sessionsPerRow = 500)
    {
        var data = BenchData.Instance;
        await SessionBuilder.PlayAsync(data, 3);
        var text = new StringBuilder();
        text.AppendLine("| turns played | live sessions | retained heap per session | stored snapshot JSON per session |");
        text.AppendLine("|---:|---:|---:|---:|");
        foreach (var turns in new[] { 0, 1, 4, 8 })
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var sessions = new List<PracticeSession>(sessionsPerRow);
            for (var i = 0; i < sessionsPerRow; i++)
            {
                sessions.Add(await SessionBuilder.PlayAsync(data, turns, seed: i));
            }

            var after = GC.GetTotalMemory(forceFullCollection: true);
            var json = sessions.Average(s => (double)Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(s.Snapshot(), RpbJson.Compact)));
            var played = sessions.Average(s => s.Turns.Count);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {played:0.#} | {sessions.Count} | {(after - before) / (double)sessions.Count / 1024:0.0} KB | {json / 1024:0.0} KB |");
            GC.KeepAlive(sessions);
        }

        return text.ToString();
    }
}
