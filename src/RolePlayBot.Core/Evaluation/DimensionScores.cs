namespace RolePlayBot.Core.Evaluation;

/// <summary>Scores 0–100 for the course's three dimensions.</summary>
public sealed record DimensionScores(int Speed, int Detail, int Emotion);
