namespace RolePlayBot.Core.Tests.Rules;

/// <summary>Confusion counts for one checklist item over a labelled set.</summary>
public sealed record ItemAccuracy(string ItemId, int TruePositive, int FalseNegative, int TrueNegative, int FalsePositive)
{
    public int Positives => TruePositive + FalseNegative;

    public int Negatives => TrueNegative + FalsePositive;

    public double Tpr => Positives == 0 ? 1 : (double)TruePositive / Positives;

    public double Tnr => Negatives == 0 ? 1 : (double)TrueNegative / Negatives;

    /// <summary>(TPR + TNR) / 2: fair to items that are rarely positive.</summary>
    public double BalancedAccuracy => (Tpr + Tnr) / 2;
}
