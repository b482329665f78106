using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Mood;
using RolePlayBot.Core.Scoring;
using RolePlayBot.Core.Sessions;
using RolePlayBot.Core.Usage;

namespace RolePlayBot.Core.Reports;

/// <summary>A whole practice session as the CLI prints it with --json.</summary>
/// <param name="Tokens">What the session's model calls cost in total; null offline.</param>
public sealed record SessionReport(
    string SessionId,
    PersonaSummary Persona,
    string Engine,
    int Seed,
    string Opening,
    IReadOnlyList<TurnReport> Turns,
    Outcome Outcome,
    string? ClosingLine,
    Scorecard Scorecard,
    TokenUsage? Tokens = null)
{
    public static SessionReport From(PracticeSession session, Scorecard scorecard, string engine)
    {
        var opening = session.Transcript.FirstOrDefault()?.Text ?? "";
        var turns = session.Turns.Select(TurnReport.From).ToList();
        var closing = session.IsOver ? session.Turns.LastOrDefault()?.CustomerReply?.Text : null;
        return new SessionReport(session.Id, PersonaSummary.From(session.Persona), engine, session.Seed, opening, turns, session.Outcome, closing, scorecard, session.Tokens);
    }
}

public sealed record PersonaSummary(string Id, string Name, string Locale, string Dimension, int Difficulty, string Version = "")
{
    public static PersonaSummary From(Personas.Persona persona) =>
        new(persona.Id, persona.Name, persona.Locale, persona.Dimension.ToString().ToLowerInvariant(), persona.Difficulty, persona.Version);
}

/// <summary>One turn as printed: who said what, how long the reply took, how the mood moved and what was observed.</summary>
/// <param name="Tokens">What the turn's model calls cost; null offline.</param>
public sealed record TurnReport(
    int Turn,
    string Customer,
    IReadOnlyList<string> Chasers,
    string Trainee,
    double ReplySeconds,
    MoodState MoodBefore,
    MoodState MoodAfter,
    IReadOnlyList<MoodChange> MoodChanges,
    IReadOnlyList<string> ItemsObserved,
    IReadOnlyList<Observation> Items,
    DimensionScores Scores,
    string Critique,
    string? SuggestedReply,
    bool InjectionSuspected,
    IReadOnlyList<string> NeedsMet,
    string? CustomerReply,
    string? CustomerSource,
    IReadOnlyList<string> Diagnostics,
    TokenUsage? Tokens = null,
    string? Judge = null)
{
    public static TurnReport From(Turn turn) => new(
        turn.Index,
        turn.CustomerText,
        turn.Chasers,
        turn.TraineeText,
        Math.Round(turn.ReplyTime.TotalSeconds, 1),
        turn.MoodBefore,
        turn.MoodAfter,
        turn.MoodChanges,
        turn.Evaluation.Items.Where(o => o.Observed).Select(o => o.ItemId).ToList(),
        turn.Evaluation.Items,
        turn.Evaluation.Scores,
        turn.Evaluation.Critique,
        turn.Evaluation.SuggestedReply,
        turn.Evaluation.InjectionSuspected,
        turn.NeedsMet,
        turn.CustomerReply?.Text,
        turn.CustomerReply?.Source,
        [.. turn.Evaluation.Diagnostics, .. turn.CustomerReply?.Diagnostics ?? []],
        turn.Tokens,
        JudgeSources.Of(turn.Evaluation));
}
