namespace RolePlayBot.Core.Checklist;

/// <summary>The course's three scenario families, plus the anti-patterns that cut across them.</summary>
public enum Dimension
{
    Speed,
    Detail,
    Emotion,
    AntiPattern,
}
