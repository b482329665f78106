namespace RolePlayBot.Bot.Dashboard.Data;

/// <summary>Display names of the stored outcome values (snake_case, as RpbJson writes them).</summary>
public static class OutcomeNames
{
    public static (string Zh, string En) Of(string outcome) => Normalize(outcome) switch
    {
        "ongoing" => ("进行中", "Ongoing"),
        "resolved" => ("已解决", "Resolved"),
        "escalated" => ("已升级投诉", "Escalated"),
        "abandoned" => ("顾客离开", "Abandoned"),
        "endedbytrainee" => ("学员结束", "Ended by trainee"),
        "turnlimit" => ("达到轮数上限", "Turn limit reached"),
        _ => (outcome, outcome),
    };

    public static bool IsEscalated(string outcome) => Normalize(outcome) == "escalated";

    private static string Normalize(string outcome) => outcome.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}
