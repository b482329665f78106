namespace RolePlayBot.Bot.Limits;

/// <summary>
/// Whether a message may become a turn; when not, how long until one may (<see cref="RetryAfter"/>) and whether this
/// is the rejection that tells the trainee (<see cref="Notify"/>: once, not once per dropped message).
/// </summary>
public sealed record RateDecision(bool Allowed, TimeSpan RetryAfter, bool Notify)
{
    public static readonly RateDecision Allow = new(true, TimeSpan.Zero, false);
}
