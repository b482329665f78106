using RolePlayBot.Bot.Dashboard.Auth;
using RolePlayBot.Bot.Dashboard.Data;
using RolePlayBot.Storage;
using static RolePlayBot.Bot.Dashboard.Pages.Layout;
using static RolePlayBot.Bot.Dashboard.Pages.Parts;

namespace RolePlayBot.Bot.Dashboard.Pages;

/// <summary>The sessions that match the filters, with exports.</summary>
public static class SessionsPage
{
    public static Html Render(DashboardViewer viewer, IReadOnlyList<SessionRecord> sessions, SessionFilter filter, IReadOnlyList<string> personas, IReadOnlyList<TraineeSummary> trainees, DashboardClock clock) =>
        Page("会话 Sessions", viewer, Html.Of($"""
            <h2>{L("会话", "Sessions")}</h2>
            {FilterForm("/dashboard/sessions", filter, personas, viewer.IsTrainer ? trainees : null)}
            <section class="card">
            <p class="muted">{L($"共 {sessions.Count} 个会话", $"{sessions.Count} sessions")}</p>
            {SessionsTable(sessions, clock, showTrainee: viewer.IsTrainer)}
            {ExportLinks(filter)}
            </section>
            """));
}
