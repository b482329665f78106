namespace RolePlayBot.Core.Mood;

/// <summary>The mood after one step and every change that led there, so a trainer can see why.</summary>
public sealed record MoodStep(MoodState Before, MoodState After, IReadOnlyList<MoodChange> Changes);
