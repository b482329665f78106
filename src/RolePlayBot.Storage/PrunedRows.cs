namespace RolePlayBot.Storage;

/// <summary>What <see cref="ITrainingStore.PruneAsync"/> deleted: sent outbox rows and handled activity ids.</summary>
public sealed record PrunedRows(long SentReplies, long HandledActivities);
