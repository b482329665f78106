using RolePlayBot.Bot.Dashboard.Auth;
using RolePlayBot.Bot.Dashboard.Charts;
using RolePlayBot.Bot.Dashboard.Data;
using RolePlayBot.Storage;
using static RolePlayBot.Bot.Dashboard.Pages.Layout;
using static RolePlayBot.Bot.Dashboard.Pages.Parts;

namespace RolePlayBot.Bot.Dashboard.Pages;

/// <summary>The team at a glance: what is missed most, which customers escalate most, how fast replies come.</summary>
public static class TeamPage
{
    /// <summary>Reply-time bins in seconds (upper bounds, exclusive); the last bin is open.</summary>
    public static readonly IReadOnlyList<(double Upper, string Label)> ReplyBins =
    [
        (15, "<15s"), (30, "15–30s"), (60, "30–60s"), (120, "1–2min"), (300, "2–5min"), (double.PositiveInfinity, "≥5min"),
    ];

    public static Html Render(DashboardViewer viewer, IReadOnlyList<SessionRecord> sessions, IReadOnlyList<TurnRecord> turns, SessionFilter filter, IReadOnlyList<string> personas, IReadOnlyList<TraineeSummary> trainees)
    {
        var misses = TurnObservations.Misses(turns);
        var behaviours = misses.Where(m => !m.IsAntiPattern).ToList();
        var antiPatterns = misses.Where(m => m.IsAntiPattern).ToList();
        var behaviourChart = BarChart.Horizontal(
            "behaviours-missed",
            "最常缺少的行为 Behaviours most often missing",
            "未出现的回复占比 Share of replies without it (%)",
            behaviours.Select(m => new Bar(m.ItemId, TraineePage.Label(m), m.Percent, $"{m.Percent}% ({m.Misses}/{m.Turns})")).ToList(),
            100);
        var antiChart = BarChart.Horizontal(
            "anti-patterns",
            "最常出现的反模式 Anti-patterns most often shown",
            "出现的回复占比 Share of replies showing it (%)",
            antiPatterns.Select(m => new Bar(m.ItemId, TraineePage.Label(m), m.Percent, $"{m.Percent}% ({m.Misses}/{m.Turns})", "#b91c1c")).ToList(),
            100);
        var escalations = sessions
            .GroupBy(s => s.PersonaId, StringComparer.Ordinal)
            .Select(g => (Persona: g.Key, Escalated: g.Count(s => OutcomeNames.IsEscalated(s.Outcome)), Total: g.Count()))
            .Where(p => p.Escalated > 0)
            .OrderByDescending(p => p.Escalated).ThenBy(p => p.Persona, StringComparer.Ordinal)
            .Take(8)
            .ToList();
        var escalationChart = BarChart.Horizontal(
            "escalations",
            "升级投诉最多的顾客角色 Personas with the most escalations",
            "升级投诉的会话数 Escalated sessions",
            escalations.Select(p => new Bar(p.Persona, p.Persona, p.Escalated, $"{p.Escalated}/{p.Total}", "#b91c1c")).ToList(),
            escalations.Count == 0 ? 1 : escalations.Max(p => p.Escalated));
        var histogram = BarChart.Columns(
            "reply-times",
            "回复用时分布 Reply-time distribution",
            "回复用时 Reply time",
            "回复数 Replies",
            ReplyHistogram(turns).Select(b => new Bar(b.Label, b.Label, b.Count, b.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList());
        var median = turns.Count == 0 ? "—" : $"{Median(turns.Select(t => t.ReplySeconds)):0.#}s";
        return Page("团队 Team", viewer, Html.Of($"""
            <h2>{L("团队概览", "Team view")}</h2>
            {FilterForm("/dashboard/team", filter, personas, trainees)}
            <ul class="stats card">
            <li><b>{sessions.Select(s => s.TraineeId).Distinct().Count()}</b>{L("学员", "trainees")}</li>
            <li><b>{sessions.Count}</b>{L("会话", "sessions")}</li>
            <li><b>{turns.Count}</b>{L("回复", "replies")}</li>
            <li><b>{median}</b>{L("回复用时中位数", "median reply time")}</li>
            <li><b>{Average(sessions.Select(s => s.Overall))}</b>{L("平均总分", "average overall")}</li>
            </ul>
            <div class="grid2">
            <section class="card">{behaviourChart}</section>
            <section class="card">{antiChart}</section>
            <section class="card">{escalationChart}</section>
            <section class="card">{histogram}</section>
            </div>
            <section class="card"><a href="/dashboard/sessions{filter.ToQueryString()}">{L("查看这些会话", "See these sessions")}</a>{ExportLinks(filter)}</section>
            """));
    }

    public static IReadOnlyList<(string Label, int Count)> ReplyHistogram(IEnumerable<TurnRecord> turns)
    {
        var counts = new int[ReplyBins.Count];
        foreach (var turn in turns)
        {
            var bin = 0;
            while (turn.ReplySeconds >= ReplyBins[bin].Upper)
            {
                bin++;
            }

            counts[bin]++;
        }

        return ReplyBins.Select((b, i) => (b.Label, counts[i])).ToList();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
