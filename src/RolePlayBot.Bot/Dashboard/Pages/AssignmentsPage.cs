using System.Globalization;
using RolePlayBot.Bot.Dashboard.Auth;
using RolePlayBot.Bot.Dashboard.Data;
using RolePlayBot.Storage;
using static RolePlayBot.Bot.Dashboard.Pages.Layout;
using static RolePlayBot.Bot.Dashboard.Pages.Parts;

namespace RolePlayBot.Bot.Dashboard.Pages;

/// <summary>
/// Trainers assign personas to trainees (a form posting back here, with an antiforgery token) and follow them:
/// each assignment (one persona given in one go to several trainees) with its completion and pass rates and every
/// trainee's status, and the rates over all assignments.
/// </summary>
public static class AssignmentsPage
{
    public const string Path = "/dashboard/assignments";

    public static Html Render(
        DashboardViewer viewer, IReadOnlyList<AssignmentProgress> assignments, IReadOnlyList<TraineeSummary> trainees,
        IReadOnlyList<string> personas, string csrfField, string csrfToken, DashboardClock clock, DateTimeOffset now, string? error = null)
    {
        var live = assignments.Where(a => a.Assignment.CancelledAt is null).ToList();
        var groups = assignments
            .GroupBy(a => (a.Assignment.BatchId, a.Assignment.PersonaId))
            .OrderBy(g => g.Min(a => a.Assignment.DueAt)).ThenBy(g => g.Key.PersonaId, StringComparer.Ordinal)
            .Select(g => Group(g.ToList(), csrfField, csrfToken, clock, now));
        var body = assignments.Count == 0
            ? Html.Of($"""<p class="muted">{L("还没有布置任务。", "No assignments yet.")}</p>""")
            : Html.Of($"{groups}");
        return Page("练习任务 Assignments", viewer, Html.Of($"""
            <h2>{L("练习任务", "Assignments")}</h2>
            {(error is null ? Html.Empty : Html.Of($"""<p class="card message error" role="alert">{error}</p>"""))}
            {Form(trainees, personas, csrfField, csrfToken, clock, now)}
            <section class="card">
            <h3>{L("总体", "Overall")}</h3>
            {Rates(live)}
            <p class="muted">{L("完成：至少结束过一场该客户的练习；通过：有一场以“已解决”结束且总分不低于及格线。已取消的任务不计。", "Completed: finished at least one session with the persona; passed: a session ended resolved at or above the pass mark. Cancelled assignments are not counted.")}</p>
            </section>
            {body}
            """));
    }

    /// <summary>Completion and pass rates of the assignments given, as "3/4 (75%)".</summary>
    public static Html Rates(IReadOnlyList<AssignmentProgress> live) => Html.Of($"""
        <ul class="stats">
        <li><b>{live.Count}</b>{L("项任务", "assignments")}</li>
        <li><b data-rate="completion">{Rate(live.Count(a => a.Attempts > 0 || a.Passed), live.Count)}</b>{L("完成率", "completion rate")}</li>
        <li><b data-rate="pass">{Rate(live.Count(a => a.Passed), live.Count)}</b>{L("通过率", "pass rate")}</li>
        </ul>
        """);

    public static string Rate(int count, int of) =>
        of == 0 ? "—" : $"{count}/{of} ({Math.Round(100.0 * count / of, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)}%)";

    public static Html Status(AssignmentStatus status) => status switch
    {
        AssignmentStatus.Passed => Html.Of($"""<span class="status passed">{L("已通过", "passed")}</span>"""),
        AssignmentStatus.Attempted => Html.Of($"""<span class="status attempted">{L("已练习", "attempted")}</span>"""),
        AssignmentStatus.Overdue => Html.Of($"""<span class="status overdue">{L("已逾期", "overdue")}</span>"""),
        AssignmentStatus.Cancelled => Html.Of($"""<span class="status cancelled">{L("已取消", "cancelled")}</span>"""),
        _ => Html.Of($"""<span class="status not-started">{L("未开始", "not started")}</span>"""),
    };

    /// <summary>A trainee's own assignments (their progress page).</summary>
    public static Html ForTrainee(IReadOnlyList<AssignmentProgress> assignments, DashboardClock clock, DateTimeOffset now)
    {
        var shown = assignments.Where(a => a.Assignment.CancelledAt is null).ToList();
        if (shown.Count == 0)
        {
            return Html.Empty;
        }

        var rows = shown.Select(a => Html.Of($"""
            <tr data-assignment="{a.Assignment.Id}">
            <td>{a.Assignment.PersonaId}</td>
            <td>{Due(a.Assignment, clock)}</td>
            <td class="num">{a.Assignment.PassMark}</td>
            <td class="num">{a.Attempts}</td>
            <td class="num">{Score(a.BestOverall)}</td>
            <td>{Status(a.StatusAt(now))}</td>
            </tr>
            """));
        return Html.Of($"""
            <section class="card assignments">
            <h3>{L("我的练习任务", "Assignments")}</h3>
            <table>
            <thead><tr><th>{L("顾客角色", "Persona")}</th><th>{L("截止", "Due")}</th><th class="num">{L("及格线", "Pass mark")}</th><th class="num">{L("练习次数", "Attempts")}</th><th class="num">{L("最好总分", "Best")}</th><th>{L("状态", "Status")}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            <p class="muted">{L("在聊天里输入「我的任务」即可开始。", "Type \"assignments\" in the chat to start one.")}</p>
            </section>
            """);
    }

    /// <summary>The due instant is the end of the chosen day; shown as that day.</summary>
    public static string Due(AssignmentRecord assignment, DashboardClock clock) =>
        clock.Local(assignment.DueAt.AddTicks(-1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Html Group(IReadOnlyList<AssignmentProgress> group, string csrfField, string csrfToken, DashboardClock clock, DateTimeOffset now)
    {
        var first = group[0].Assignment;
        var rows = group.OrderBy(a => a.Assignment.TraineeName, StringComparer.Ordinal).Select(a => Html.Of($"""
            <tr data-assignment="{a.Assignment.Id}" data-trainee="{a.Assignment.TraineeId}">
            <td><a href="{TraineePath(a.Assignment.TraineeId)}">{a.Assignment.TraineeName}</a> <span class="muted">{a.Assignment.TraineeId}</span></td>
            <td>{Status(a.StatusAt(now))}</td>
            <td class="num">{a.Attempts}</td>
            <td class="num">{Score(a.BestOverall)}</td>
            <td>{(a.CompletedAt is { } done ? Html.Text(clock.Format(done)) : Html.Empty)}</td>
            <td>{(a.Assignment.CancelledAt is null && !a.Passed ? Html.Of($"""
                <form method="post" action="{Path}/{Uri.EscapeDataString(a.Assignment.Id)}/cancel"><input type="hidden" name="{csrfField}" value="{csrfToken}"><button type="submit">{L("取消", "Cancel")}</button></form>
                """) : Html.Empty)}</td>
            </tr>
            """));
        return Html.Of($"""
            <section class="card assignment" data-batch="{first.BatchId}" data-persona="{first.PersonaId}">
            <h3>{first.PersonaId}{(first.PersonaLocale is { } l ? Html.Of($""" <span class="muted">{l}</span>""") : Html.Empty)} · {L("截止", "due")} {Due(first, clock)} · {L("及格线", "pass mark")} {first.PassMark}</h3>
            {Rates(group.Where(a => a.Assignment.CancelledAt is null).ToList())}
            <table>
            <thead><tr><th>{L("学员", "Trainee")}</th><th>{L("状态", "Status")}</th><th class="num">{L("练习次数", "Attempts")}</th><th class="num">{L("最好总分", "Best")}</th><th>{L("通过时间", "Passed at")}</th><th></th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </section>
            """);
    }

    private static Html Form(IReadOnlyList<TraineeSummary> trainees, IReadOnlyList<string> personas, string csrfField, string csrfToken, DashboardClock clock, DateTimeOffset now)
    {
        var traineeBoxes = trainees.Select(t => Html.Of($"""<label class="check"><input type="checkbox" name="trainee" value="{t.TraineeId}"> {t.Name} <span class="muted">{t.TraineeId}</span></label>"""));
        var personaBoxes = personas.Select(p => Html.Of($"""<label class="check"><input type="checkbox" name="persona" value="{p}"> {p}</label>"""));
        var defaultDue = clock.Local(now).AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Html.Of($"""
            <form class="card assign" method="post" action="{Path}">
            <input type="hidden" name="{csrfField}" value="{csrfToken}">
            <h3>{L("布置任务", "Assign")}</h3>
            <fieldset><legend>{L("学员", "Trainees")}</legend>{traineeBoxes}
            <label>{L("其他学员编号（每行一个）", "Other trainee ids (one a line)")}<textarea name="traineeIds" rows="2"></textarea></label></fieldset>
            <fieldset><legend>{L("顾客角色", "Personas")}</legend>{personaBoxes}</fieldset>
            <label>{L("语言", "Language")}<select name="locale"><option value="">{L("学员自己的", "The trainee's own")}</option><option value="zh-CN">中文</option><option value="en">English</option></select></label>
            <label>{L("截止日期", "Due")}<input type="date" name="due" value="{defaultDue}" required></label>
            <label>{L("及格线（总分 0–100）", "Pass mark (overall 0–100)")}<input type="number" name="passMark" min="0" max="100" value="70" required></label>
            <button type="submit" class="primary">{L("布置", "Assign")}</button>
            </form>
            """);
    }
}
