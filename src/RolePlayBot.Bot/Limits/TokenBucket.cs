using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Limits;

/// <summary>
/// The token bucket arithmetic on a bucket's stored values: a minute's allowance, refilled continuously, that may be
/// used in one burst. The same for buckets kept in memory and buckets shared through the database.
/// </summary>
/// <remarks>
/// Not System.Threading.RateLimiting's TokenBucketRateLimiter: its replenishment reads the machine's Stopwatch even
/// with AutoReplenishment off (TryReplenish adds nothing until real time has passed), so it cannot follow an injected
/// TimeProvider, its partitioned limiter evicts idle partitions on a private 10-second rule, and its state cannot be
/// stored for other instances to share. The arithmetic here is the same token bucket, a few lines long.
/// </remarks>
internal static class TokenBucket
{
    /// <summary>How long a rejected sender stays quiet: one notice a minute, however many messages are dropped.</summary>
    public static readonly TimeSpan NoticeInterval = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>The bucket as it stands at <paramref name="now"/>: a full one for a key without; else refilled for the time passed.</summary>
    public static RateBucketRecord At(RateBucketRecord? bucket, string key, int perMinute, DateTimeOffset now)
    {
        if (bucket is null)
        {
            return new RateBucketRecord(key, perMinute, now, DateTimeOffset.MinValue, now);
        }

        if (now <= bucket.Refilled)
        {
            return bucket;   // another instance's clock ran a little ahead: no refill, no harm
        }

        var tokens = Math.Min(perMinute, bucket.Tokens + ((double)(now - bucket.Refilled).Ticks / Period(perMinute).Ticks));
        return bucket with { Tokens = tokens, Refilled = now };
    }

    /// <summary>How long until a message may pass: zero when one may now.</summary>
    public static TimeSpan Wait(RateBucketRecord bucket, int perMinute) =>
        bucket.Tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Ceiling((1 - bucket.Tokens) * Period(perMinute).Ticks));

    /// <summary>One message passes. A minute later the bucket is full again (it refills a minute's allowance a minute).</summary>
    public static RateBucketRecord Take(RateBucketRecord bucket, DateTimeOffset now) =>
        bucket with { Tokens = Math.Max(0, bucket.Tokens - 1), ForgetAfter = Later(now + Minute, bucket.QuietUntil) };

    /// <summary>True when the sender has not been told in the last minute.</summary>
    public static bool MayNotify(RateBucketRecord bucket, DateTimeOffset now) => now >= bucket.QuietUntil;

    /// <summary>The sender is told now: quiet for <see cref="NoticeInterval"/>.</summary>
    public static RateBucketRecord Notified(RateBucketRecord bucket, DateTimeOffset now) =>
        bucket with { QuietUntil = now + NoticeInterval, ForgetAfter = Later(bucket.ForgetAfter, now + NoticeInterval) };

    private static TimeSpan Period(int perMinute) => TimeSpan.FromTicks(Minute.Ticks / perMinute);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
