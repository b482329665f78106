using RolePlayBot.Bot.Dashboard.Auth;
using RolePlayBot.Bot.Dashboard.Data;
using RolePlayBot.Storage;
using static RolePlayBot.Bot.Dashboard.Pages.Layout;
using static RolePlayBot.Bot.Dashboard.Pages.Parts;

namespace RolePlayBot.Bot.Dashboard.Pages;

/// <summary>Every trainee: how much they practise, when they last did, their average scores.</summary>
public static class TraineesPage
{
    public static Html Render(DashboardViewer viewer, IReadOnlyList<TraineeSummary> trainees, IReadOnlyList<SessionRecord> sessions, DashboardClock clock)
    {
        var byTrainee = sessions.ToLookup(s => s.TraineeId, StringComparer.Ordinal);
        var rows = trainees.OrderByDescending(t => t.LastPractisedAt).Select(t =>
        {
            var own = byTrainee[t.TraineeId].ToList();
            return Html.Of($"""
                <tr data-trainee="{t.TraineeId}">
                <td><a href="{TraineePath(t.TraineeId)}">{t.Name}</a> <span class="muted">{t.TraineeId}</span></td>
                <td class="num">{t.Sessions}</td>
                <td>{clock.Format(t.LastPractisedAt)}</td>
                <td class="num">{Average(own.Select(s => s.Speed))}</td>
                <td class="num">{Average(own.Select(s => s.Detail))}</td>
                <td class="num">{Average(own.Select(s => s.Emotion))}</td>
                <td class="num"><b>{Average(own.Select(s => s.Overall))}</b></td>
                </tr>
                """);
        });
        var body = trainees.Count == 0
            ? Html.Of($"""<p class="muted">{L("还没有学员练习过。", "Nobody has practised yet.")}</p>""")
            : Html.Of($"""
                <table class="trainees">
                <thead><tr><th>{L("学员", "Trainee")}</th><th class="num">{L("会话数", "Sessions")}</th><th>{L("最近练习", "Last practised")}</th><th class="num">{L("速度", "Speed")}</th><th class="num">{L("细致", "Detail")}</th><th class="num">{L("情感", "Emotion")}</th><th class="num">{L("总分", "Overall")}</th></tr></thead>
                <tbody>{rows}</tbody>
                </table>
                """);
        return Page("学员 Trainees", viewer, Html.Of($"""
            <h2>{L("学员", "Trainees")}</h2>
            <section class="card">
            <p class="muted">{L("平均分只计已结束的会话（0–100）。", "Averages count finished sessions only (0–100).")}</p>
            {body}
            </section>
            """));
    }
}
