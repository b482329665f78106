namespace RolePlayBot.Bot.Dashboard.Auth;

/// <summary>
/// One-time sign-in links for the dashboard, for the chat to send ("dashboard", "my progress"). The user id must be the
/// id the sessions are stored under (<c>SessionRecord.TraineeId</c>); whether that user is a trainer is decided by
/// <see cref="DashboardOptions.Trainers"/> when the pages are used, not when the link is made.
/// </summary>
public interface IDashboardLinks
{
    /// <summary>
    /// A relative link <c>/dashboard/signin?token=…</c>, signed, usable once, within <see cref="DashboardOptions.LinkMinutes"/>.
    /// Prefix it with the bot's public address. <paramref name="returnPath"/> is where the user lands (a /dashboard path;
    /// anything else lands on /dashboard).
    /// </summary>
    string CreateSignInLink(string userId, string name, string? returnPath = null);

    /// <summary>The progress page of one trainee (for "my progress"): pass it as the return path.</summary>
    string TraineePath(string traineeId);
}
