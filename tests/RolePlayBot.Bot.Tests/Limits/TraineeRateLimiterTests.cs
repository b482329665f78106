using Microsoft.Extensions.Options;
using RolePlayBot.Bot.Limits;
using RolePlayBot.Bot.Tests.Conversations;

namespace RolePlayBot.Bot.Tests.Limits;

public sealed class TraineeRateLimiterTests
{
    private readonly ManualTime time = new(ChatHarness.Start);

    private TraineeRateLimiter Limiter(int perUser = 6, int perConversation = 100, int maxTracked = 100_000, bool enabled = true) =>
        new(Options.Create(new RateLimitOptions { Enabled = enabled, PerUserPerMinute = perUser, PerConversationPerMinute = perConversation, MaxTracked = maxTracked }), time);

    [Fact]
    public void A_burst_up_to_the_limit_passes_then_one_message_per_period_and_one_notice()
    {
        var limiter = Limiter(perUser: 6);

        Assert.All(Enumerable.Range(0, 6), _ => Assert.True(limiter.Acquire("u", "c").Allowed));
        var first = limiter.Acquire("u", "c");
        var second = limiter.Acquire("u", "c");

        Assert.False(first.Allowed);
        Assert.True(first.Notify);
        Assert.Equal(TimeSpan.FromSeconds(10), first.RetryAfter);
        Assert.False(second.Allowed);
        Assert.False(second.Notify);

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(limiter.Acquire("u", "c").Allowed);
        Assert.False(limiter.Acquire("u", "c").Allowed);

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.All(Enumerable.Range(0, 6), _ => Assert.True(limiter.Acquire("u", "c").Allowed));
        Assert.True(limiter.Acquire("u", "c").Notify);   // a new minute, a new notice
    }

    [Fact]
    public void A_human_pace_never_hits_the_defaults_but_a_paste_loop_does()
    {
        var limiter = Limiter(new RateLimitOptions().PerUserPerMinute, new RateLimitOptions().PerConversationPerMinute);

        for (var i = 0; i < 200; i++)
        {
            Assert.True(limiter.Acquire("typist", "c1").Allowed, $"message {i}");
            time.Advance(TimeSpan.FromSeconds(i % 10 == 0 ? 1 : 4));   // a reply every ~4 s, now and then two in a row
        }

        var dropped = Enumerable.Range(0, 100).Count(_ => !limiter.Acquire("paster", "c2").Allowed);
        Assert.True(dropped >= 75, $"{dropped} of 100 pasted messages dropped");
    }

    [Fact]
    public void Users_are_limited_apart_and_a_conversation_as_a_whole()
    {
        var limiter = Limiter(perUser: 2, perConversation: 3);

        Assert.True(limiter.Acquire("a", "group").Allowed);
        Assert.True(limiter.Acquire("a", "group").Allowed);
        Assert.False(limiter.Acquire("a", "group").Allowed);
        Assert.True(limiter.Acquire("b", "group").Allowed);
        var conversationFull = limiter.Acquire("c", "group");
        Assert.False(conversationFull.Allowed);
        Assert.True(conversationFull.Notify);
        Assert.True(limiter.Acquire("c", "elsewhere").Allowed);
    }

    [Fact]
    public void A_rejected_message_takes_nothing_and_a_check_counts_nothing()
    {
        var limiter = Limiter(perUser: 1);

        Assert.True(limiter.Check("u", "c").Allowed);
        Assert.True(limiter.Check("u", "c").Allowed);
        Assert.True(limiter.Acquire("u", "c").Allowed);
        for (var i = 0; i < 50; i++)
        {
            Assert.False(limiter.Acquire("u", "c").Allowed);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(limiter.Acquire("u", "c").Allowed);
    }

    [Fact]
    public void Idle_users_and_conversations_are_forgotten()
    {
        var limiter = Limiter();
        for (var i = 0; i < 5000; i++)
        {
            limiter.Acquire($"user-{i}", $"conversation-{i}");
        }

        Assert.Equal(10_000, limiter.Tracked);
        time.Advance(TimeSpan.FromSeconds(61));
        limiter.Acquire("someone", "somewhere");

        Assert.Equal(2, limiter.Tracked);
    }

    [Fact]
    public void Past_the_cap_new_senders_pass_untracked()
    {
        var limiter = Limiter(perUser: 1, maxTracked: 10);
        for (var i = 0; i < 10; i++)
        {
            limiter.Acquire($"user-{i}", "c");
        }

        Assert.True(limiter.Acquire("user-new", "c2").Allowed);
        Assert.True(limiter.Acquire("user-new", "c2").Allowed);
        Assert.True(limiter.Tracked <= 20);
    }

    [Fact]
    public void Switched_off_everything_passes()
    {
        var limiter = Limiter(perUser: 1, enabled: false);

        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(limiter.Acquire("u", "c").Allowed));
    }
}
