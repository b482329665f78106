namespace RolePlayBot.Bot.Dashboard.Auth;

/// <summary>Who is looking: a trainer sees every trainee; anyone else sees only the sessions stored under their own id.</summary>
public sealed record DashboardViewer(string UserId, string Name, bool IsTrainer, bool IsLocal = false)
{
    public bool MaySee(string traineeId) => IsTrainer || string.Equals(UserId, traineeId, StringComparison.Ordinal);
}
