namespace RolePlayBot.Core.Mood;

/// <summary>The customer's mood: anger and patience on 0–100 scales.</summary>
public sealed record MoodState(int Anger, int Patience)
{
    public static MoodState Clamp(int anger, int patience) =>
        new(Math.Clamp(anger, 0, 100), Math.Clamp(patience, 0, 100));
}
