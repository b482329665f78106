using System.Text.Json;
using RolePlayBot.Bot.Conversations.State;
using RolePlayBot.Core.Reports;
using RolePlayBot.Core.Scoring;
using RolePlayBot.Core.Sessions;
using RolePlayBot.Llm;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Storage;

/// <summary>
/// What trainers see of a turn: the session record (inserted when it starts, updated every turn, scored when it ends)
/// and one <see cref="TurnRecord"/> per trainee reply.
/// </summary>
public sealed class TrainingRecords(EngineSetup setup, ScorecardBuilder scorecards)
{
    /// <summary>
    /// The session to upsert and the turns to insert after a turn that began at <paramref name="before"/>. When one
    /// turn ends a session and starts another (restart), the ended one is recorded now — its end matters more — and
    /// the new one is inserted by its next commit (the session write is an upsert).
    /// </summary>
    public (SessionRecord? Session, IReadOnlyList<TurnRecord> Turns) After(SessionTrack before, ConversationState state, DateTimeOffset at)
    {
        if (before.Session is { } earlier && !ReferenceEquals(earlier, state.Session))
        {
            return (Session(earlier, before.Mode, before.StartedAt, before.TraineeId, before.TraineeName, state.Key, at), NewTurns(earlier, before.TurnsBefore));
        }

        if (state.Session is not { } session)
        {
            return (null, []);
        }

        var from = ReferenceEquals(session, before.Session) ? before.TurnsBefore : 0;
        return (Session(session, state.SessionMode, state.SessionStartedAt, state.TraineeId, state.TraineeName, state.Key, at), NewTurns(session, from));
    }

    /// <summary>The session as it stands at <paramref name="at"/>; an ended session ends then, with its scorecard.</summary>
    public SessionRecord Session(PracticeSession session, PracticeMode mode, DateTimeOffset startedAt, string? traineeId, string? traineeName, string conversationKey, DateTimeOffset at)
    {
        var card = session.IsOver ? scorecards.Build(session) : null;
        return new SessionRecord(
            session.Id,
            conversationKey,
            traineeId ?? "",
            traineeName ?? "",
            session.Persona.Id,
            session.Persona.Locale,
            session.Persona.Version,
            setup.Name,
            Name(mode),
            startedAt,
            session.IsOver ? at : null,
            Name(session.Outcome),
            session.Turns.Count,
            card?.Scores.Speed,
            card?.Scores.Detail,
            card?.Scores.Emotion,
            card?.Overall,
            card is null ? null : JsonSerializer.Serialize(card, RpbJson.Compact));
    }

    public static TurnRecord Turn(string sessionId, Turn turn) => new(
        sessionId,
        turn.Index,
        turn.CustomerText,
        turn.TraineeText,
        turn.CustomerAt,
        turn.RepliedAt,
        turn.ReplyTime.TotalSeconds,
        turn.MoodBefore.Anger,
        turn.MoodBefore.Patience,
        turn.MoodAfter.Anger,
        turn.MoodAfter.Patience,
        JsonSerializer.Serialize(turn.Evaluation.Items, RpbJson.Compact),
        turn.Evaluation.Scores.Speed,
        turn.Evaluation.Scores.Detail,
        turn.Evaluation.Scores.Emotion,
        turn.Evaluation.Critique,
        turn.Evaluation.SuggestedReply,
        turn.CustomerReply?.Text,
        turn.CustomerReply?.Source,
        Core.Evaluation.JudgeSources.Of(turn.Evaluation));

    private static List<TurnRecord> NewTurns(PracticeSession session, int from) =>
        session.Turns.Skip(from).Select(t => Turn(session.Id, t)).ToList();

    /// <summary>Enum values as the reports write them ("ended_by_trainee", "exam").</summary>
    private static string Name<T>(T value) where T : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
