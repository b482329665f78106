using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Sessions;
using RolePlayBot.Core.Usage;

namespace RolePlayBot.Core.Scoring;

/// <summary>The end-of-session scorecard.</summary>
/// <param name="Scores">Speed, detail and emotion, 0–100, averaged over the turns (speed includes the measured reply times).</param>
/// <param name="Overall">Weighted mean of the three dimensions, less nothing: anti-patterns already cut the dimension scores.</param>
/// <param name="EmotionViews">Course 2's four views of emotion management, 0–100.</param>
/// <param name="Strengths">What the trainee did well, with a quote.</param>
/// <param name="Improvements">The three most important improvements, each tied to its turn.</param>
/// <param name="MoodCurve">Anger and patience from the start (turn 0) to the end.</param>
/// <param name="ReplyTimes">The measured reply time of every turn.</param>
/// <param name="HintsUsed">How many hints the trainee asked for.</param>
public sealed record Scorecard(
    string PersonaId,
    string Locale,
    Outcome Outcome,
    int TurnCount,
    DimensionScores Scores,
    int Overall,
    IReadOnlyList<ViewScore> EmotionViews,
    IReadOnlyList<Strength> Strengths,
    IReadOnlyList<Improvement> Improvements,
    IReadOnlyList<MoodPoint> MoodCurve,
    IReadOnlyList<TurnTime> ReplyTimes,
    double MedianReplySeconds,
    int HintsUsed = 0)
{
    /// <summary>Tokens the session's model calls cost (sum of the turns); null for an offline session.</summary>
    public TokenUsage? Tokens { get; init; }
}

/// <summary>One emotion-management view and its score.</summary>
public sealed record ViewScore(EmotionView View, string Name, int Score, IReadOnlyList<string> Items);

/// <summary>A checklist behaviour the trainee showed, with the turn and words that show it.</summary>
public sealed record Strength(string ItemId, string Text, int Turn, string? Evidence);

/// <summary>
/// Something to do better, tied to a turn. <see cref="ItemId"/> is a checklist id, or null for a slow reply
/// (<see cref="Kind"/> "reply_time").
/// </summary>
public sealed record Improvement(string Kind, string? ItemId, int Turn, string Text, string? Evidence, string? SuggestedReply);

/// <summary>The mood after a turn (turn 0 is the start).</summary>
public sealed record MoodPoint(int Turn, int Anger, int Patience);

/// <summary>How long the trainee took to answer at a turn.</summary>
public sealed record TurnTime(int Turn, double Seconds);
