using RolePlayBot.Bot.Dashboard.Auth;

namespace RolePlayBot.Bot.Dashboard.Pages;

/// <summary>The page frame: zh-CN document with English alongside, the chat page's colours, navigation by role.</summary>
public static class Layout
{
    /// <summary>Chinese first, English after it in a smaller, lang-tagged span.</summary>
    public static Html L(string zh, string en) => Html.Of($"""{zh} <span lang="en" class="en">{en}</span>""");

    public static Html Page(string title, DashboardViewer? viewer, Html body)
    {
        var nav = viewer switch
        {
            { IsTrainer: true } => Html.Of($"""
                <a href="/dashboard">{L("学员", "Trainees")}</a>
                <a href="/dashboard/team">{L("团队", "Team")}</a>
                <a href="/dashboard/sessions">{L("会话", "Sessions")}</a>
                """),
            { } v => Html.Of($"""<a href="/dashboard/trainees/{Uri.EscapeDataString(v.UserId)}">{L("我的进步", "My progress")}</a>"""),
            null => Html.Empty,
        };
        var user = viewer switch
        {
            { IsLocal: true } => Html.Of($"""<span class="who">{viewer.Name}</span>"""),
            { } v => Html.Of($"""
                <span class="who">{v.Name}{(v.IsTrainer ? Html.Of($" · {L("培训师", "trainer")}") : Html.Empty)}</span>
                <form method="post" action="/dashboard/signout"><button type="submit">{L("退出", "Sign out")}</button></form>
                """),
            null => Html.Empty,
        };
        return Html.Of($"""
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{title} · 培训看板 RolePlayBot</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="/dashboard/dashboard.css">
            </head>
            <body>
            <header class="rpb-header">
            <div class="rpb-brand"><h1>培训看板 <span lang="en">RolePlayBot dashboard</span></h1><nav>{nav}</nav></div>
            <div class="rpb-user">{user}</div>
            </header>
            <main class="rpb-main">
            {body}
            </main>
            </body>
            </html>
            """);
    }

    /// <summary>A page that only says something (errors, sign-in).</summary>
    public static Html Message(string title, DashboardViewer? viewer, Html message) =>
        Page(title, viewer, Html.Of($"""<section class="card message"><h2>{title}</h2>{message}</section>"""));
}
