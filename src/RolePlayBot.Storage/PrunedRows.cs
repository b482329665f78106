namespace RolePlayBot.Storage;

/// <summary>
/// What <see cref="ITrainingStore.PruneAsync"/> deleted: sent outbox rows and handled activity ids; and, where the store
/// shares rate limits (<see cref="ISharedRateBuckets.ForgetRateBucketsAsync"/>), the idle buckets the sweep forgot.
/// </summary>
public sealed record PrunedRows(long SentReplies, long HandledActivities, long RateBuckets = 0);
