using System.Text.Json;
using RolePlayBot.Bot.Conversations.State;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Bot.Storage;

/// <summary>
/// <see cref="ConversationState"/> as stored: plain data, the running session as its <see cref="SessionSnapshot"/>
/// and the conversation reference in the wire format. <see cref="Format"/> lets a later shape read an older one.
/// </summary>
internal sealed record StoredConversationState(
    int Format,
    JsonElement Reference,
    string Locale,
    PracticeMode Mode,
    SessionSnapshot? Session,
    PracticeMode SessionMode,
    DateTimeOffset SessionStartedAt,
    string? TraineeId,
    string? TraineeName,
    DateTimeOffset CustomerSentAt,
    int ChasersSent,
    string? LastPersonaId,
    string? LastPersonaLocale,
    int Rounds,
    bool Welcomed)
{
    public const int CurrentFormat = 1;
}
