namespace RolePlayBot.Storage;

/// <summary>What a commit wrote: the conversation's new version and the ids of its outbox rows, in order.</summary>
/// <param name="OutboxIds">
/// The ids of the rows inserted for <see cref="ConversationCommit.Outbox"/>, so the committing instance can send and
/// mark exactly those without reading the outbox back; null when the store cannot tell (the caller reads them back).
/// </param>
public sealed record CommittedTurn(long Version, IReadOnlyList<long>? OutboxIds);
