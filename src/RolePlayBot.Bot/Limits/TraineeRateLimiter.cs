using Microsoft.Extensions.Options;

namespace RolePlayBot.Bot.Limits;

/// <summary>
/// Rate limits per user and per conversation, whichever channel a message came in on. A message passes only when both
/// allow it, and then takes from both; a rejected one takes nothing, so a paste loop cannot push the trainee's own
/// next reply further away.
/// </summary>
public sealed class TraineeRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly TokenBuckets _users = new(Math.Max(1, options.Value.PerUserPerMinute), options.Value.MaxTracked);
    private readonly TokenBuckets _conversations = new(Math.Max(1, options.Value.PerConversationPerMinute), options.Value.MaxTracked);

    public bool Enabled => options.Value.Enabled;

    /// <summary>Users and conversations tracked right now (bounded; idle ones are forgotten).</summary>
    public int Tracked
    {
        get
        {
            lock (_gate)
            {
                return _users.Count + _conversations.Count;
            }
        }
    }

    /// <summary>Decides on one message and, when it passes, counts it.</summary>
    public RateDecision Acquire(string userKey, string conversationKey) => Decide(userKey, conversationKey, take: true);

    /// <summary>Decides without counting: for a channel that answers the client before the message reaches the bot.</summary>
    public RateDecision Check(string userKey, string conversationKey) => Decide(userKey, conversationKey, take: false);

    private RateDecision Decide(string userKey, string conversationKey, bool take)
    {
        if (!Enabled)
        {
            return RateDecision.Allow;
        }

        var now = time.GetUtcNow();
        lock (_gate)
        {
            var userWait = _users.Wait(userKey, now);
            var conversationWait = _conversations.Wait(conversationKey, now);
            if (userWait <= TimeSpan.Zero && conversationWait <= TimeSpan.Zero)
            {
                if (take)
                {
                    _users.Take(userKey, now);
                    _conversations.Take(conversationKey, now);
                }

                return RateDecision.Allow;
            }

            var notify = userWait > TimeSpan.Zero ? _users.ShouldNotify(userKey, now) : _conversations.ShouldNotify(conversationKey, now);
            return new RateDecision(false, userWait > conversationWait ? userWait : conversationWait, notify);
        }
    }
}
