using RolePlayBot.Bot.Conversations.State;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Bot.Storage;

/// <summary>
/// A stored conversation read back. <see cref="LostSession"/> is the running session that could not be restored
/// (its persona file is gone): the state comes back without it, and the trainee is told.
/// </summary>
public sealed record DecodedConversation(ConversationState State, SessionSnapshot? LostSession);
