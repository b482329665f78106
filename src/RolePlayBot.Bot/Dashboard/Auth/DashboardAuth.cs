using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace RolePlayBot.Bot.Dashboard.Auth;

/// <summary>
/// The dashboard's own cookie sign-in. The scheme is not the app's default, so the bot's other endpoints never see it;
/// the dashboard's endpoints ask for it explicitly through <see cref="ViewerAsync"/>.
/// </summary>
public static class DashboardAuth
{
    public const string Scheme = "RolePlayBot.Dashboard";
    public const string CookieName = "rpb_dashboard";
    public const string UserIdClaim = "rpb:user";

    /// <summary>The signed-in user, the local developer when allowed, or null (anonymous).</summary>
    public static async Task<DashboardViewer?> ViewerAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<DashboardOptions>>().CurrentValue;
        var result = await context.AuthenticateAsync(Scheme);
        var userId = result.Succeeded ? result.Principal.FindFirstValue(UserIdClaim) : null;
        if (!string.IsNullOrEmpty(userId))
        {
            var name = result.Principal!.FindFirstValue(ClaimTypes.Name) ?? userId;
            return new DashboardViewer(userId, name, options.IsTrainer(userId));
        }

        return options.LocalDevelopment && IsFromThisMachine(context)
            ? new DashboardViewer("local", "本机开发 Local development", IsTrainer: true, IsLocal: true)
            : null;
    }

    public static Task SignInAsync(HttpContext context, SignInTicket ticket)
    {
        var identity = new ClaimsIdentity(
            [new Claim(UserIdClaim, ticket.UserId), new Claim(ClaimTypes.Name, string.IsNullOrWhiteSpace(ticket.Name) ? ticket.UserId : ticket.Name)],
            Scheme);
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);

    /// <summary>Loopback, and not relayed by a proxy (a proxy on the same host would make every visitor look local).</summary>
    internal static bool IsFromThisMachine(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote))
        {
            return false;
        }

        var headers = context.Request.Headers;
        return !headers.ContainsKey("X-Forwarded-For") && !headers.ContainsKey("Forwarded") && !headers.ContainsKey("X-Real-IP");
    }
}
