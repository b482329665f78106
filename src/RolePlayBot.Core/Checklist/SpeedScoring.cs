namespace RolePlayBot.Core.Checklist;

/// <summary>How measured reply time feeds the speed score.</summary>
/// <param name="QuickSeconds">At or under this, full marks for time.</param>
/// <param name="ZeroAfterSeconds">At or over this, nothing for time; linear in between.</param>
/// <param name="TimeShare">Share of the speed score that comes from time when it is measured (the rest from the text).</param>
public sealed record SpeedScoring(double QuickSeconds, double ZeroAfterSeconds, double TimeShare)
{
    public static SpeedScoring Default { get; } = new(60, 600, 0.5);

    /// <summary>0–100 for a reply time.</summary>
    public double TimeScore(TimeSpan replyTime)
    {
        var seconds = replyTime.TotalSeconds;
        if (seconds <= QuickSeconds)
        {
            return 100;
        }

        if (seconds >= ZeroAfterSeconds)
        {
            return 0;
        }

        return 100 * (ZeroAfterSeconds - seconds) / (ZeroAfterSeconds - QuickSeconds);
    }
}
