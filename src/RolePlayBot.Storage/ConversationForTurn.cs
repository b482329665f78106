namespace RolePlayBot.Storage;

/// <summary>What a turn reads before it runs: the conversation as stored (null when new) and whether its activity was already handled.</summary>
public sealed record ConversationForTurn(StoredConversation? Conversation, bool Handled);
