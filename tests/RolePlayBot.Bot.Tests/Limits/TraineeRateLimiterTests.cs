using Microsoft.Extensions.Options;
using RolePlayBot.Bot.Limits;
using RolePlayBot.Bot.Tests.Conversations;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Tests.Limits;

/// <summary>
/// The limiter's rules, with its buckets in memory (one instance) and shared through the store's seam (here an
/// in-process stand-in for the database; the real PostgreSQL table is tested in TwoInstanceTests and the store tests).
/// </summary>
public sealed class TraineeRateLimiterTests
{
    private readonly ManualTime time = new(ChatHarness.Start);

    public static TheoryData<bool> Modes => new() { false, true };

    private TraineeRateLimiter Limiter(
        int perUser = 6, int perConversation = 100, int maxTracked = 100_000, bool enabled = true, ISharedRateBuckets? shared = null) =>
        new(Options.Create(new RateLimitOptions { Enabled = enabled, PerUserPerMinute = perUser, PerConversationPerMinute = perConversation, MaxTracked = maxTracked }),
            time, shared);

    private TraineeRateLimiter Limiter(bool shared, int perUser = 6, int perConversation = 100) =>
        Limiter(perUser, perConversation, shared: shared ? new MemoryRateBuckets() : null);

    private static async Task<int> PassingAsync(TraineeRateLimiter limiter, string user, string conversation, int messages)
    {
        var passed = 0;
        for (var i = 0; i < messages; i++)
        {
            passed += (await limiter.AcquireAsync(user, conversation)).Allowed ? 1 : 0;
        }

        return passed;
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_burst_up_to_the_limit_passes_then_one_message_per_period_and_one_notice(bool shared)
    {
        var limiter = Limiter(shared, perUser: 6);

        Assert.Equal(6, await PassingAsync(limiter, "u", "c", 6));
        var first = await limiter.AcquireAsync("u", "c");
        var second = await limiter.AcquireAsync("u", "c");

        Assert.False(first.Allowed);
        Assert.True(first.Notify);
        Assert.Equal(TimeSpan.FromSeconds(10), first.RetryAfter);
        Assert.False(second.Allowed);
        Assert.False(second.Notify);

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True((await limiter.AcquireAsync("u", "c")).Allowed);
        Assert.False((await limiter.AcquireAsync("u", "c")).Allowed);

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(6, await PassingAsync(limiter, "u", "c", 6));
        Assert.True((await limiter.AcquireAsync("u", "c")).Notify);   // a new minute, a new notice
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_human_pace_never_hits_the_defaults_but_a_paste_loop_does(bool shared)
    {
        var limiter = Limiter(shared, new RateLimitOptions().PerUserPerMinute, new RateLimitOptions().PerConversationPerMinute);

        for (var i = 0; i < 200; i++)
        {
            Assert.True((await limiter.AcquireAsync("typist", "c1")).Allowed, $"message {i}");
            time.Advance(TimeSpan.FromSeconds(i % 10 == 0 ? 1 : 4));   // a reply every ~4 s, now and then two in a row
        }

        var dropped = 100 - await PassingAsync(limiter, "paster", "c2", 100);
        Assert.True(dropped >= 75, $"{dropped} of 100 pasted messages dropped");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Users_are_limited_apart_and_a_conversation_as_a_whole(bool shared)
    {
        var limiter = Limiter(shared, perUser: 2, perConversation: 3);

        Assert.True((await limiter.AcquireAsync("a", "group")).Allowed);
        Assert.True((await limiter.AcquireAsync("a", "group")).Allowed);
        Assert.False((await limiter.AcquireAsync("a", "group")).Allowed);
        Assert.True((await limiter.AcquireAsync("b", "group")).Allowed);
        var conversationFull = await limiter.AcquireAsync("c", "group");
        Assert.False(conversationFull.Allowed);
        Assert.True(conversationFull.Notify);
        Assert.True((await limiter.AcquireAsync("c", "elsewhere")).Allowed);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_rejected_message_takes_nothing_and_a_check_counts_nothing(bool shared)
    {
        var limiter = Limiter(shared, perUser: 1);

        Assert.True((await limiter.CheckAsync("u", "c")).Allowed);
        Assert.True((await limiter.CheckAsync("u", "c")).Allowed);
        Assert.True((await limiter.AcquireAsync("u", "c")).Allowed);
        Assert.Equal(0, await PassingAsync(limiter, "u", "c", 50));
        var check = await limiter.CheckAsync("u", "c");
        Assert.False(check.Allowed);
        Assert.False(check.Notify);   // the first rejection told them already

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await limiter.AcquireAsync("u", "c")).Allowed);
    }

    [Fact]
    public async Task Shared_buckets_are_one_allowance_for_every_limiter_on_the_store()
    {
        var store = new MemoryRateBuckets();
        var instances = new[] { Limiter(perUser: 4, shared: store), Limiter(perUser: 4, shared: store) };

        var passed = 0;
        for (var i = 0; i < 8; i++)
        {
            passed += (await instances[i % 2].AcquireAsync("u", "c")).Allowed ? 1 : 0;
        }

        Assert.Equal(4, passed);
        Assert.True(instances[0].Shared);
        Assert.Equal(0, instances[0].Tracked);
    }

    [Fact]
    public async Task A_shared_store_that_fails_lets_messages_through_with_one_warning_a_minute()
    {
        using var logs = new Logging.CapturedLogs();
        var limiter = new TraineeRateLimiter(Options.Create(new RateLimitOptions { PerUserPerMinute = 1 }), time,
            new MemoryRateBuckets { Failing = true }, new Microsoft.Extensions.Logging.Logger<TraineeRateLimiter>(new Microsoft.Extensions.Logging.LoggerFactory([logs])));

        Assert.Equal(5, await PassingAsync(limiter, "u", "c", 5));
        Assert.True((await limiter.CheckAsync("u", "c")).Allowed);
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(3, await PassingAsync(limiter, "u", "c", 3));

        var failures = logs.Lines.Where(l => l.Message.Contains("shared rate limit", StringComparison.Ordinal)).ToList();
        Assert.Equal(9, failures.Count);
        Assert.Equal(2, failures.Count(l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning));
    }

    [Fact]
    public async Task Idle_users_and_conversations_are_forgotten()
    {
        var limiter = Limiter();
        for (var i = 0; i < 5000; i++)
        {
            await limiter.AcquireAsync($"user-{i}", $"conversation-{i}");
        }

        Assert.Equal(10_000, limiter.Tracked);
        time.Advance(TimeSpan.FromSeconds(61));
        await limiter.AcquireAsync("someone", "somewhere");

        Assert.Equal(2, limiter.Tracked);
    }

    [Fact]
    public async Task Past_the_cap_new_senders_pass_untracked()
    {
        var limiter = Limiter(perUser: 1, maxTracked: 10);
        for (var i = 0; i < 10; i++)
        {
            await limiter.AcquireAsync($"user-{i}", "c");
        }

        Assert.True((await limiter.AcquireAsync("user-new", "c2")).Allowed);
        Assert.True((await limiter.AcquireAsync("user-new", "c2")).Allowed);
        Assert.True(limiter.Tracked <= 10);
    }

    [Fact]
    public async Task Switched_off_everything_passes()
    {
        var limiter = Limiter(perUser: 1, enabled: false);

        Assert.Equal(100, await PassingAsync(limiter, "u", "c", 100));
    }

    /// <summary>The store's seam in memory: one lock for every key, the writes applied as the decision returns them.</summary>
    private sealed class MemoryRateBuckets : ISharedRateBuckets
    {
        private readonly Dictionary<string, RateBucketRecord> _rows = new(StringComparer.Ordinal);
        private readonly SemaphoreSlim _lock = new(1, 1);

        public bool Failing { get; init; }

        public async Task<T> UpdateRateBucketsAsync<T>(
            IReadOnlyList<string> keys, Func<IReadOnlyList<RateBucketRecord?>, RateBucketUpdate<T>> decide, CancellationToken cancellationToken = default)
        {
            Fail();
            await _lock.WaitAsync(cancellationToken);
            try
            {
                var update = decide([.. keys.Select(k => _rows.GetValueOrDefault(k))]);
                foreach (var bucket in update.Write)
                {
                    _rows[bucket.Key] = bucket;
                }

                return update.Result;
            }
            finally
            {
                _lock.Release();
            }
        }

        public Task<IReadOnlyList<RateBucketRecord?>> RateBucketsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
        {
            Fail();
            return Task.FromResult<IReadOnlyList<RateBucketRecord?>>([.. keys.Select(k => _rows.GetValueOrDefault(k))]);
        }

        public Task<long> ForgetRateBucketsAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
            Task.FromResult((long)_rows.Keys.Where(k => _rows[k].ForgetAfter < now).ToList().Count(_rows.Remove));

        private void Fail()
        {
            if (Failing)
            {
                throw new InvalidOperationException("the database is unreachable");
            }
        }
    }
}
