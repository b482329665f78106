using RolePlayBot.Bot.Dashboard.Pages;

namespace RolePlayBot.Bot.Dashboard.Auth;

/// <summary>
/// Sign-in by one-time link: GET shows who the link is for and a button (so a link preview that fetches the address
/// does not use the link up); POST redeems the token, sets the cookie and goes to the link's return path.
/// </summary>
internal static class SignInApi
{
    public static async Task<IResult> ConfirmPageAsync(HttpContext context, OneTimeSignIn links)
    {
        string? token = context.Request.Query["token"];
        if (string.IsNullOrEmpty(token))
        {
            return DashboardApi.Page(SignInPages.HowToSignIn(), StatusCodes.Status401Unauthorized);
        }

        var (refusal, ticket) = await links.CheckAsync(token, context.RequestAborted);
        return refusal == SignInRefusal.None
            ? DashboardApi.Page(SignInPages.Confirm(ticket!, token))
            : DashboardApi.Page(SignInPages.Refused(refusal), StatusCodes.Status401Unauthorized);
    }

    public static async Task<IResult> SignInAsync(HttpContext context, OneTimeSignIn links)
    {
        string? token = context.Request.HasFormContentType ? (string?)(await context.Request.ReadFormAsync(context.RequestAborted))["token"] : null;
        var (refusal, ticket) = await links.RedeemAsync(token, context.RequestAborted);
        if (refusal != SignInRefusal.None)
        {
            return DashboardApi.Page(SignInPages.Refused(refusal), StatusCodes.Status401Unauthorized);
        }

        await DashboardAuth.SignInAsync(context, ticket!);
        return Results.Redirect(ticket!.ReturnPath);
    }

    public static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await DashboardAuth.SignOutAsync(context);
        return DashboardApi.Page(SignInPages.SignedOut());
    }
}
