namespace RolePlayBot.Core.Mood;

/// <summary>
/// How a persona's difficulty (1–5) bends the mood model: harder customers calm down less for the same
/// good behaviour, flare up more for the same bad one, lose more patience per turn and mind waiting more.
/// </summary>
public static class DifficultyScale
{
    /// <summary>Multiplier for calming effects (anger falling, patience rising): 1.15 at 1 down to 0.55 at 5.</summary>
    public static double Calming(int difficulty) => 1.3 - 0.15 * Clamp(difficulty);

    /// <summary>Multiplier for aggravating effects (anger rising, patience falling): 1.0 at 1 up to 1.4 at 5.</summary>
    public static double Aggravating(int difficulty) => 1.0 + 0.1 * (Clamp(difficulty) - 1);

    /// <summary>Patience every turn costs: 2 at difficulty 1 up to 6 at 5.</summary>
    public static int PatiencePerTurn(int difficulty) => 1 + Clamp(difficulty);

    private static int Clamp(int difficulty) => Math.Clamp(difficulty, 1, 5);
}
