using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Storage;

/// <summary>
/// A turn's replies as committed: the batch they were stored under, where they go, the activities themselves, and
/// the ids of their outbox rows when the store told them (else the drainer finds them by batch), and each activity
/// as serialised for the outbox, which is what goes on the wire (serialising it once), and what the sending waits for
/// (<see cref="Conversations.Outbox.SendsAfter"/>).
/// </summary>
public sealed record CommittedBatch(
    string Batch, ConversationReference Reference, IReadOnlyList<Activity> Messages, IReadOnlyList<long>? OutboxIds, IReadOnlyList<byte[]>? Wire = null, Task? After = null);
