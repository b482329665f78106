namespace RolePlayBot.Bot.Limits;

/// <summary>
/// One token bucket per key (the size of a minute's allowance, refilled continuously), on the injected clock. A bucket
/// idle long enough to be full again is indistinguishable from a new one and is dropped.
/// </summary>
/// <remarks>
/// Not System.Threading.RateLimiting's TokenBucketRateLimiter: its replenishment reads the machine's Stopwatch even
/// with AutoReplenishment off (TryReplenish adds nothing until real time has passed), so it cannot follow an injected
/// TimeProvider, and its partitioned limiter evicts idle partitions on a private 10-second rule. The arithmetic here is
/// the same token bucket, a few lines long, and testable without sleeping.
/// </remarks>
internal sealed class TokenBuckets(int perMinute, int maxTracked)
{
    /// <summary>How long a rejected key stays quiet: one notice a minute, however many messages are dropped.</summary>
    public static readonly TimeSpan NoticeInterval = TimeSpan.FromMinutes(1);

    private readonly TimeSpan _period = TimeSpan.FromTicks(TimeSpan.FromMinutes(1).Ticks / perMinute);
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    public int Count => _buckets.Count;

    /// <summary>When the next message from <paramref name="key"/> may pass: zero when now. Consumes nothing.</summary>
    public TimeSpan Wait(string key, DateTimeOffset now)
    {
        var bucket = Find(key, now, create: false);
        if (bucket is null)
        {
            return TimeSpan.Zero;
        }

        return bucket.Tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Ceiling((1 - bucket.Tokens) * _period.Ticks));
    }

    /// <summary>Takes a token from <paramref name="key"/>'s bucket (a key over <c>maxTracked</c> is not tracked and always passes).</summary>
    public void Take(string key, DateTimeOffset now)
    {
        if (Find(key, now, create: true) is { } bucket)
        {
            bucket.Tokens = Math.Max(0, bucket.Tokens - 1);
            bucket.LastUsed = now;
        }
    }

    /// <summary>True when the trainee behind <paramref name="key"/> has not been told in the last minute; starts a quiet minute.</summary>
    public bool ShouldNotify(string key, DateTimeOffset now)
    {
        var bucket = Find(key, now, create: false);
        if (bucket is null || now < bucket.QuietUntil)
        {
            return false;
        }

        bucket.QuietUntil = now + NoticeInterval;
        return true;
    }

    private Bucket? Find(string key, DateTimeOffset now, bool create)
    {
        Sweep(now);
        if (_buckets.TryGetValue(key, out var bucket))
        {
            bucket.Refill(now, _period, perMinute);
            return bucket;
        }

        if (!create || _buckets.Count >= maxTracked)
        {
            return null;
        }

        bucket = new Bucket(perMinute, now);
        _buckets[key] = bucket;
        return bucket;
    }

    /// <summary>At most once a minute (or when full), forgets buckets idle for a minute: they have refilled completely.</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (now - _lastSweep < TimeSpan.FromMinutes(1) && _buckets.Count < maxTracked)
        {
            return;
        }

        _lastSweep = now;
        foreach (var key in _buckets.Where(b => b.Value.IsIdle(now)).Select(b => b.Key).ToList())
        {
            _buckets.Remove(key);
        }
    }

    private sealed class Bucket(int size, DateTimeOffset now)
    {
        /// <summary>Messages that may pass right now; fractions accumulate as time goes by.</summary>
        public double Tokens { get; set; } = size;

        public DateTimeOffset Refilled { get; private set; } = now;

        public DateTimeOffset LastUsed { get; set; } = now;

        public DateTimeOffset QuietUntil { get; set; } = DateTimeOffset.MinValue;

        public void Refill(DateTimeOffset now, TimeSpan period, int size)
        {
            if (now > Refilled)
            {
                Tokens = Math.Min(size, Tokens + ((double)(now - Refilled).Ticks / period.Ticks));
                Refilled = now;
            }
        }

        public bool IsIdle(DateTimeOffset now) => now - LastUsed >= TimeSpan.FromMinutes(1) && now >= QuietUntil;
    }
}
