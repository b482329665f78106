using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Mood;

namespace RolePlayBot.Core.Sessions;

/// <summary>
/// Everything a <see cref="PracticeSession"/> holds, as plain data: stored after every turn so a restarted bot, or
/// another bot instance, continues the conversation where it was. See <see cref="PracticeSession.Snapshot"/> and
/// <see cref="PracticeSession.Restore"/>.
/// </summary>
public sealed record SessionSnapshot(
    string Id,
    int Seed,
    ulong RandomState,
    string PersonaId,
    string PersonaLocale,
    string PersonaVersion,
    bool Started,
    MoodState InitialMood,
    MoodState Mood,
    MoodState MoodAtCustomerMessage,
    Outcome Outcome,
    int HintsUsed,
    IReadOnlyList<Turn> Turns,
    IReadOnlyList<TranscriptLine> Transcript,
    IReadOnlyList<string> NeedsMet,
    IReadOnlyDictionary<string, int> ItemCounts,
    IReadOnlyList<string> PendingChasers,
    IReadOnlyList<MoodChange> PendingWaitChanges,
    TimeSpan WaitCharged,
    DateTimeOffset LastCustomerMessageAt,
    string LastCustomerText);
