using RolePlayBot.Bot.Dashboard.Auth;
using static RolePlayBot.Bot.Dashboard.Pages.Layout;

namespace RolePlayBot.Bot.Dashboard.Pages;

/// <summary>The pages around signing in: how to get a link, confirm a link, refused link, not allowed.</summary>
public static class SignInPages
{
    /// <summary>Shown with 401 to anyone not signed in, on every dashboard address.</summary>
    public static Html HowToSignIn() => Message("请先登录 Please sign in", null, Html.Of($"""
        <p>{L("培训看板通过聊天中的一次性链接登录。", "The dashboard is opened with a one-time link from the practice chat.")}</p>
        <ol>
        <li>{L("在 Teams 或网页陪练中向机器人发送", "In Teams or the web chat, send the bot")} <kbd>dashboard</kbd> {L("（培训师）或", "(trainers) or")} <kbd>my progress</kbd> {L("（学员）。", "(trainees).")}</li>
        <li>{L("在 10 分钟内点击机器人发来的链接。每个链接只能用一次。", "Open the link it sends within 10 minutes. Each link works once.")}</li>
        </ol>
        """));

    /// <summary>Before the link is used: a button, so link previews (Teams fetches links it shows) cannot use it up.</summary>
    public static Html Confirm(SignInTicket ticket, string token) => Message("登录 Sign in", null, Html.Of($"""
        <p>{L("以此身份登录培训看板：", "Sign in to the dashboard as:")} <b>{ticket.Name}</b> <span class="muted">{ticket.UserId}</span></p>
        <form method="post" action="/dashboard/signin">
        <input type="hidden" name="token" value="{token}">
        <button type="submit" class="primary">{L("登录", "Sign in")}</button>
        </form>
        """));

    public static Html Refused(SignInRefusal refusal)
    {
        var (zh, en) = refusal switch
        {
            SignInRefusal.Expired => ("这个链接已过期。", "This link has expired."),
            SignInRefusal.AlreadyUsed => ("这个链接已经用过了。", "This link has already been used."),
            _ => ("这个链接无效。", "This link is not valid."),
        };
        return Message("无法登录 Cannot sign in", null, Html.Of($"""
            <p>{L(zh, en)}</p>
            <p>{L("请在聊天中重新发送", "Send")} <kbd>dashboard</kbd> / <kbd>my progress</kbd> {L("获取新链接。", "in the chat again for a new link.")}</p>
            """));
    }

    public static Html Forbidden(DashboardViewer viewer) => Message("无权查看 Not allowed", viewer, Html.Of($"""
        <p>{L("你只能查看自己的练习记录。", "You can only see your own practice sessions.")}</p>
        <p><a href="{Parts.TraineePath(viewer.UserId)}">{L("查看我的进步", "See my progress")}</a></p>
        """));

    public static Html NotFound(DashboardViewer viewer) => Message("找不到 Not found", viewer, Html.Of($"""<p>{L("没有这个会话或页面。", "There is no such session or page.")}</p>"""));

    public static Html SignedOut() => Message("已退出 Signed out", null, Html.Of($"""<p>{L("你已退出培训看板。", "You have signed out of the dashboard.")}</p>"""));

    public static Html NoStore() => Message("暂无数据存储 No storage", null, Html.Of($"""<p>{L("机器人还没有配置会话存储（Storage），看板无数据可读。", "The bot has no session storage configured, so the dashboard has nothing to read.")}</p>"""));
}
