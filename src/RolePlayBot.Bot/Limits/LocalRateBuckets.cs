using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Limits;

/// <summary>
/// Buckets kept in this process (one instance, as on SQLite), at most <c>maxTracked</c> of them. A bucket past its
/// <see cref="RateBucketRecord.ForgetAfter"/> is indistinguishable from a new one and is dropped. Not thread-safe: the
/// limiter holds its lock around a decision.
/// </summary>
internal sealed class LocalRateBuckets(int maxTracked)
{
    private readonly Dictionary<string, RateBucketRecord> _buckets = new(StringComparer.Ordinal);
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    public int Count => _buckets.Count;

    public RateBucketRecord? Find(string key, DateTimeOffset now)
    {
        Sweep(now);
        return _buckets.GetValueOrDefault(key);
    }

    /// <summary>Keeps the bucket; a new key past <c>maxTracked</c> is not kept (its sender passes untracked rather than growing memory).</summary>
    public void Write(RateBucketRecord bucket)
    {
        if (_buckets.Count < maxTracked || _buckets.ContainsKey(bucket.Key))
        {
            _buckets[bucket.Key] = bucket;
        }
    }

    /// <summary>At most once a minute (or when full), forgets the buckets that have refilled completely.</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (now - _lastSweep < TimeSpan.FromMinutes(1) && _buckets.Count < maxTracked)
        {
            return;
        }

        _lastSweep = now;
        foreach (var key in _buckets.Where(b => now >= b.Value.ForgetAfter).Select(b => b.Key).ToList())
        {
            _buckets.Remove(key);
        }
    }
}
