using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Storage;

/// <summary>
/// An outbox item's reference as stored: the conversation reference and the batch (one commit's replies), which lets
/// the committing instance find and send exactly its own replies right after the commit.
/// </summary>
internal sealed record OutboxAddress(ConversationReference Reference, string Batch);
