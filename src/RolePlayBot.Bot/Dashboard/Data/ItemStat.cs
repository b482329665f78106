namespace RolePlayBot.Bot.Dashboard.Data;

/// <summary>
/// How often one checklist item went wrong over some turns: a behaviour not observed, or an anti-pattern observed.
/// </summary>
public sealed record ItemStat(string ItemId, bool IsAntiPattern, int Misses, int Turns)
{
    public double Rate => Turns == 0 ? 0 : (double)Misses / Turns;

    public int Percent => (int)Math.Round(100 * Rate);
}
