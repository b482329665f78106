using RolePlayBot.Bot.Conversations.State;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Bot.Storage;

/// <summary>
/// A conversation's state as read for one turn, with the version its commit must still find (0 when new) and the
/// stored JSON it came from (null when new), to start over from when the turn fails half way.
/// </summary>
public sealed record LoadedConversation(ConversationState State, long Version, SessionSnapshot? LostSession, string? Json);
