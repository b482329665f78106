using System.Globalization;
using RolePlayBot.Bot.Dashboard.Auth;
using RolePlayBot.Bot.Dashboard.Data;
using RolePlayBot.Storage;
using static RolePlayBot.Bot.Dashboard.Pages.Layout;

namespace RolePlayBot.Bot.Dashboard.Pages;

/// <summary>Pieces several pages share: scores, outcomes, the filter form, the sessions table, export links.</summary>
public static class Parts
{
    public static Html Score(int? score) => score is { } s ? Html.Of($"{s}") : Html.Of($"""<span class="muted">—</span>""");

    public static string Average(IEnumerable<int?> scores)
    {
        var values = scores.Where(s => s.HasValue).Select(s => s!.Value).ToList();
        return values.Count == 0 ? "—" : Math.Round(values.Average(), MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
    }

    public static string SessionPath(string sessionId) => "/dashboard/sessions/" + Uri.EscapeDataString(sessionId);

    public static string TraineePath(string traineeId) => "/dashboard/trainees/" + Uri.EscapeDataString(traineeId);

    public static Html Outcome(string outcome) => OutcomeNames.Of(outcome) is var (zh, en) ? L(zh, en) : Html.Empty;

    public static Html FilterForm(string action, SessionFilter filter, IReadOnlyList<string> personas, IReadOnlyList<TraineeSummary>? trainees)
    {
        var personaOptions = personas.Select(p => Html.Of($"""<option value="{p}"{(p == filter.Persona ? Html.Of($" selected") : Html.Empty)}>{p}</option>"""));
        var traineeSelect = trainees is null
            ? Html.Empty
            : Html.Of($"""
                <label>{L("学员", "Trainee")}<select name="trainee"><option value="">{L("全部", "All")}</option>{trainees.Select(t => Html.Of($"""<option value="{t.TraineeId}"{(t.TraineeId == filter.Trainee ? Html.Of($" selected") : Html.Empty)}>{t.Name}</option>"""))}</select></label>
                """);
        return Html.Of($"""
            <form class="filters card" method="get" action="{action}">
            <label>{L("开始日期", "From")}<input type="date" name="from" value="{filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"></label>
            <label>{L("结束日期", "To")}<input type="date" name="to" value="{filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"></label>
            <label>{L("顾客角色", "Persona")}<select name="persona"><option value="">{L("全部", "All")}</option>{personaOptions}</select></label>
            {traineeSelect}
            <button type="submit" class="primary">{L("筛选", "Filter")}</button>
            <a class="button" href="{action}">{L("清除", "Clear")}</a>
            </form>
            """);
    }

    public static Html ExportLinks(SessionFilter filter) => Html.Of($"""
        <div class="exports">
        <a class="button" href="/dashboard/export/sessions.csv{filter.ToQueryString()}" download>{L("导出 CSV", "Export CSV")}</a>
        <a class="button" href="/dashboard/export/sessions.json{filter.ToQueryString()}" download>{L("导出 JSON", "Export JSON")}</a>
        </div>
        """);

    public static Html SessionsTable(IReadOnlyList<SessionRecord> sessions, DashboardClock clock, bool showTrainee)
    {
        if (sessions.Count == 0)
        {
            return Html.Of($"""<p class="muted">{L("没有符合条件的会话。", "No sessions match.")}</p>""");
        }

        var rows = sessions.Select(s => Html.Of($"""
            <tr>
            <td><a href="{SessionPath(s.Id)}">{clock.Format(s.StartedAt)}</a></td>
            {(showTrainee ? Html.Of($"""<td><a href="{TraineePath(s.TraineeId)}">{s.TraineeName}</a></td>""") : Html.Empty)}
            <td>{s.PersonaId}</td>
            <td>{Outcome(s.Outcome)}</td>
            <td class="num">{s.TurnCount}</td>
            <td class="num">{Score(s.Speed)}</td><td class="num">{Score(s.Detail)}</td><td class="num">{Score(s.Emotion)}</td><td class="num"><b>{Score(s.Overall)}</b></td>
            </tr>
            """));
        return Html.Of($"""
            <table class="sessions">
            <thead><tr><th>{L("开始时间", "Started")}</th>{(showTrainee ? Html.Of($"<th>{L("学员", "Trainee")}</th>") : Html.Empty)}<th>{L("顾客角色", "Persona")}</th><th>{L("结果", "Outcome")}</th><th class="num">{L("轮数", "Turns")}</th><th class="num">{L("速度", "Speed")}</th><th class="num">{L("细致", "Detail")}</th><th class="num">{L("情感", "Emotion")}</th><th class="num">{L("总分", "Overall")}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            """);
    }
}
