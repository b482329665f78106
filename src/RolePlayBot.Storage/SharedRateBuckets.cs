namespace RolePlayBot.Storage;

/// <summary>
/// A rate limit's token bucket as stored: <see cref="Tokens"/> messages may pass as of <see cref="Refilled"/>; the
/// sender was last told to slow down until <see cref="QuietUntil"/>; after <see cref="ForgetAfter"/> the bucket is
/// indistinguishable from a new one and may be deleted. The arithmetic is the caller's; the store only keeps the values.
/// </summary>
public sealed record RateBucketRecord(string Key, double Tokens, DateTimeOffset Refilled, DateTimeOffset QuietUntil, DateTimeOffset ForgetAfter);

/// <summary>What a <see cref="ISharedRateBuckets.UpdateRateBucketsAsync{T}"/> decision returns: its result and the buckets to write.</summary>
public sealed record RateBucketUpdate<T>(T Result, IReadOnlyList<RateBucketRecord> Write);

/// <summary>
/// Rate limit buckets shared by every instance on one database (PostgreSQL), so that N instances behind a load balancer
/// allow a trainee what one would, not N times as much. A store serving one instance (SQLite) does not implement it;
/// the bot then keeps its buckets in memory.
/// </summary>
public interface ISharedRateBuckets
{
    /// <summary>
    /// Reads the buckets of <paramref name="keys"/> (null for a key with none), lets <paramref name="decide"/> decide,
    /// writes the buckets it returns and commits; all under a lock on those keys, so instances deciding for the same
    /// user or conversation at once take turns and neither decides on a stale count.
    /// </summary>
    Task<T> UpdateRateBucketsAsync<T>(
        IReadOnlyList<string> keys, Func<IReadOnlyList<RateBucketRecord?>, RateBucketUpdate<T>> decide, CancellationToken cancellationToken = default);

    /// <summary>The buckets of <paramref name="keys"/> as they are now (null for a key with none), without locking or writing.</summary>
    Task<IReadOnlyList<RateBucketRecord?>> RateBucketsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Deletes the buckets whose <see cref="RateBucketRecord.ForgetAfter"/> is before <paramref name="now"/>; how many.</summary>
    Task<long> ForgetRateBucketsAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
