using RolePlayBot.Bot.Dashboard.Auth;
using RolePlayBot.Bot.Dashboard.Charts;
using RolePlayBot.Bot.Dashboard.Data;
using RolePlayBot.Core;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Storage;
using static RolePlayBot.Bot.Dashboard.Pages.Layout;
using static RolePlayBot.Bot.Dashboard.Pages.Parts;

namespace RolePlayBot.Bot.Dashboard.Pages;

/// <summary>One trainee's progress: dimension scores over their sessions, their most-missed checklist items, the sessions.</summary>
public static class TraineePage
{
    public static Html Render(DashboardViewer viewer, string traineeId, IReadOnlyList<SessionRecord> sessions, IReadOnlyList<TurnRecord> turns, SessionFilter filter, IReadOnlyList<string> personas, DashboardClock clock, Html assignments = default)
    {
        var name = sessions.FirstOrDefault()?.TraineeName ?? (viewer.UserId == traineeId ? viewer.Name : traineeId);
        var scored = sessions.Where(s => s.Speed is not null && s.Detail is not null && s.Emotion is not null).OrderBy(s => s.StartedAt).ToList();
        var chart = LineChart.Render(
            "dimensions",
            "各维度得分 Dimension scores per session",
            "会话开始时间 Session start",
            "得分 Score (0–100)",
            scored.Select(s => clock.FormatShort(s.StartedAt)).ToList(),
            [
                new LineSeries("speed", "速度 Speed", "#2563eb", scored.Select(s => (double)s.Speed!.Value).ToList()),
                new LineSeries("detail", "细致 Detail", "#15803d", scored.Select(s => (double)s.Detail!.Value).ToList()),
                new LineSeries("emotion", "情感 Emotion", "#c2410c", scored.Select(s => (double)s.Emotion!.Value).ToList()),
            ]);
        var missed = TurnObservations.Misses(turns).Where(m => m.Misses > 0).ToList();
        var missedChart = BarChart.Horizontal(
            "missed",
            "最常欠缺的要点 Most-missed checklist items",
            "占回复的比例 Share of replies (%)",
            missed.Select(m => new Bar(m.ItemId, Label(m), m.Percent, $"{m.Percent}% ({m.Misses}/{m.Turns})", m.IsAntiPattern ? "#b91c1c" : null)).ToList(),
            100);
        var exportFilter = filter.WithTrainee(traineeId);
        return Page($"{name} 的进步", viewer, Html.Of($"""
            <h2>{name} {L("的练习进步", "— progress")} <span class="muted">{traineeId}</span></h2>
            {FilterForm(TraineePath(traineeId), filter with { Trainee = null }, personas, null)}
            <ul class="stats card">
            <li><b>{sessions.Count}</b>{L("会话", "sessions")}</li>
            <li><b>{turns.Count}</b>{L("回复", "replies")}</li>
            <li><b>{Average(sessions.Select(s => s.Overall))}</b>{L("平均总分", "average overall")}</li>
            </ul>
            {assignments}
            <div class="grid2">
            <section class="card">{chart}</section>
            <section class="card">{missedChart}<p class="muted">{L("行为要点：回复中未出现的比例；反模式（红色）：出现的比例。", "Behaviours: share of replies without them; anti-patterns (red): share of replies showing them.")}</p></section>
            </div>
            <section class="card">
            <h3>{L("会话", "Sessions")}</h3>
            {SessionsTable(sessions, clock, showTrainee: false)}
            {ExportLinks(exportFilter)}
            </section>
            """));
    }

    public static string Label(ItemStat stat) =>
        $"{ItemNames.Of(stat.ItemId, Locales.Chinese)} {ItemNames.Of(stat.ItemId, Locales.English)}";
}
