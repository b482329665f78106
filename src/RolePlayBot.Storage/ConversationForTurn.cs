namespace RolePlayBot.Storage;

/// <summary>What a turn reads before it runs: the conversation as stored (null when new) and whether its activity was already handled.</summary>
/// <param name="Unchanged">
/// Set when the caller said which version it already holds and the store still has that one: then
/// <see cref="Conversation"/> is null and the state was not read (see <see cref="ITrainingStore.FindForTurnAsync(string, string?, long, CancellationToken)"/>).
/// </param>
public sealed record ConversationForTurn(StoredConversation? Conversation, bool Handled, long? Unchanged = null);
