using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Limits;

/// <summary>
/// Rate limits per user and per conversation, whichever channel a message came in on. A message passes only when both
/// allow it, and then takes from both; a rejected one takes nothing, so a paste loop cannot push the trainee's own
/// next reply further away.
/// </summary>
/// <remarks>
/// On one instance the buckets are in memory. With a store that shares them (<see cref="ISharedRateBuckets"/>:
/// PostgreSQL, several instances behind a load balancer) every decision reads and writes them there under a row lock,
/// so a trainee gets one allowance whichever instance their messages reach, not one per instance. That costs a short
/// transaction per message; should it fail (the database unreachable), the message passes: a limit is not worth losing
/// a trainee's reply over, and the turn itself reports the database's trouble.
/// </remarks>
public sealed class TraineeRateLimiter
{
    private const string UserPrefix = "user|";
    private const string ConversationPrefix = "conversation|";
    private readonly Lock _gate = new();
    private readonly RateLimitOptions _options;
    private readonly TimeProvider _time;
    private readonly LocalRateBuckets _local;
    private readonly ISharedRateBuckets? _shared;
    private readonly ILogger _log;
    private long _failureQuietUntil;

    public TraineeRateLimiter(
        IOptions<RateLimitOptions> options, TimeProvider time, ISharedRateBuckets? shared = null, ILogger<TraineeRateLimiter>? log = null)
    {
        _options = options.Value;
        _time = time;
        _local = new LocalRateBuckets(_options.MaxTracked);
        _shared = shared;
        _log = log ?? NullLogger<TraineeRateLimiter>.Instance;
    }

    public bool Enabled => _options.Enabled;

    /// <summary>True when the buckets are shared with the other instances on the database.</summary>
    public bool Shared => _shared is not null;

    /// <summary>Users and conversations tracked in this process right now (bounded; idle ones are forgotten). 0 when shared.</summary>
    public int Tracked
    {
        get
        {
            lock (_gate)
            {
                return _local.Count;
            }
        }
    }

    /// <summary>Decides on one message and, when it passes, counts it.</summary>
    public ValueTask<RateDecision> AcquireAsync(string userKey, string conversationKey, CancellationToken cancellationToken = default) =>
        DecideAsync(userKey, conversationKey, take: true, cancellationToken);

    /// <summary>Decides without counting: for a channel that answers the client before the message reaches the bot.</summary>
    public ValueTask<RateDecision> CheckAsync(string userKey, string conversationKey, CancellationToken cancellationToken = default) =>
        DecideAsync(userKey, conversationKey, take: false, cancellationToken);

    private ValueTask<RateDecision> DecideAsync(string userKey, string conversationKey, bool take, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return ValueTask.FromResult(RateDecision.Allow);
        }

        string[] keys = [UserPrefix + userKey, ConversationPrefix + conversationKey];
        if (_shared is null)
        {
            var now = _time.GetUtcNow();
            lock (_gate)
            {
                var update = Decide(keys, [_local.Find(keys[0], now), _local.Find(keys[1], now)], now, take);
                foreach (var bucket in update.Write)
                {
                    _local.Write(bucket);
                }

                return ValueTask.FromResult(update.Result);
            }
        }

        return DecideSharedAsync(_shared, keys, take, cancellationToken);
    }

    private async ValueTask<RateDecision> DecideSharedAsync(ISharedRateBuckets shared, string[] keys, bool take, CancellationToken cancellationToken)
    {
        try
        {
            if (!take)
            {
                // A check that passes writes nothing, so it need not lock: most messages cost one read here.
                var current = await shared.RateBucketsAsync(keys, cancellationToken);
                var check = Decide(keys, current, _time.GetUtcNow(), take: false);
                if (check.Result.Allowed)
                {
                    return check.Result;
                }
            }

            return await shared.UpdateRateBucketsAsync(keys, found => Decide(keys, found, _time.GetUtcNow(), take), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // With the database down every message fails here; one warning a minute says so without burying the log.
            var now = _time.GetUtcNow().UtcTicks;
            var quietUntil = Interlocked.Read(ref _failureQuietUntil);
            if (now >= quietUntil && Interlocked.CompareExchange(ref _failureQuietUntil, now + TimeSpan.TicksPerMinute, quietUntil) == quietUntil)
            {
                _log.LogWarning(e, "The shared rate limit could not be read; messages pass unlimited (further failures this minute are logged at Debug)");
            }
            else
            {
                _log.LogDebug(e, "The shared rate limit could not be read; the message passes unlimited");
            }

            return RateDecision.Allow;
        }
    }

    /// <summary>The decision on <c>[user, conversation]</c> buckets as found, and the buckets it changes.</summary>
    private RateBucketUpdate<RateDecision> Decide(string[] keys, IReadOnlyList<RateBucketRecord?> found, DateTimeOffset now, bool take)
    {
        int[] perMinute = [Math.Max(1, _options.PerUserPerMinute), Math.Max(1, _options.PerConversationPerMinute)];
        RateBucketRecord[] buckets = [TokenBucket.At(found[0], keys[0], perMinute[0], now), TokenBucket.At(found[1], keys[1], perMinute[1], now)];
        TimeSpan[] waits = [TokenBucket.Wait(buckets[0], perMinute[0]), TokenBucket.Wait(buckets[1], perMinute[1])];
        if (waits[0] <= TimeSpan.Zero && waits[1] <= TimeSpan.Zero)
        {
            return take
                ? new(RateDecision.Allow, [TokenBucket.Take(buckets[0], now), TokenBucket.Take(buckets[1], now)])
                : new(RateDecision.Allow, []);
        }

        // The notice goes with the limit that stopped the message; the user's when both did.
        var stopped = waits[0] > TimeSpan.Zero ? 0 : 1;
        var wait = waits[0] > waits[1] ? waits[0] : waits[1];
        return TokenBucket.MayNotify(buckets[stopped], now)
            ? new(new RateDecision(false, wait, Notify: true), [TokenBucket.Notified(buckets[stopped], now)])
            : new(new RateDecision(false, wait, Notify: false), []);
    }
}
