namespace RolePlayBot.Core.Mood;

/// <summary>How one observed checklist item moves the customer's mood (points on the 0–100 scales).</summary>
public sealed record MoodEffect(int Anger, int Patience)
{
    public static readonly MoodEffect None = new(0, 0);
}
