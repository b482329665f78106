using RolePlayBot.Bot.Conversations.State;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Bot.Storage;

/// <summary>
/// The session a turn starts with, noted before the turn runs, so that afterwards the commit knows which turns are
/// new and can still describe a session the turn ended (the state forgets it when the scorecard goes out, and a
/// restart overwrites its mode and trainee).
/// </summary>
public sealed record SessionTrack(PracticeSession? Session, int TurnsBefore, PracticeMode Mode, DateTimeOffset StartedAt, string? TraineeId, string? TraineeName)
{
    public static SessionTrack Before(ConversationState state) =>
        new(state.Session, state.Session?.Turns.Count ?? 0, state.SessionMode, state.SessionStartedAt, state.TraineeId, state.TraineeName);
}
