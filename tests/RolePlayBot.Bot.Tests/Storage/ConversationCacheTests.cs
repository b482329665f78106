using RolePlayBot.Bot.Conversations.State;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Storage;

namespace RolePlayBot.Bot.Tests.Storage;

public sealed class ConversationCacheTests
{
    [Fact]
    public void A_state_is_given_once_and_only_at_the_version_it_was_put_back_with()
    {
        var cache = new ConversationCache(10);
        var state = State("c1");
        cache.Put("c1", 3, state);
        Assert.Equal(3, cache.VersionOf("c1"));

        Assert.Null(cache.TryTake("c1", 4));
        Assert.Equal(-1, cache.VersionOf("c1"));

        cache.Put("c1", 3, state);
        Assert.Same(state, cache.TryTake("c1", 3));
        Assert.Null(cache.TryTake("c1", 3));
    }

    [Fact]
    public void The_cache_keeps_at_most_its_capacity_and_drops_the_longest_idle_first()
    {
        var cache = new ConversationCache(3);
        foreach (var key in new[] { "a", "b", "c" })
        {
            cache.Put(key, 1, State(key));
        }

        // "a" played another turn: it is now the most recent one.
        cache.Put("a", 2, cache.TryTake("a", 1)!);
        cache.Put("d", 1, State("d"));

        Assert.Equal(3, cache.Count);
        Assert.Equal(-1, cache.VersionOf("b"));
        Assert.Equal(2, cache.VersionOf("a"));
        Assert.Equal(1, cache.VersionOf("c"));
        Assert.Equal(1, cache.VersionOf("d"));
    }

    [Fact]
    public void A_busy_cache_stays_bounded_over_many_turns_and_a_zero_capacity_keeps_nothing()
    {
        var cache = new ConversationCache(50);
        for (var turn = 1; turn <= 200; turn++)
        {
            for (var c = 0; c < 100; c++)
            {
                var key = $"c{c}";
                var state = cache.TryTake(key, turn - 1) ?? State(key);
                cache.Put(key, turn, state);
            }
        }

        Assert.Equal(50, cache.Count);

        var off = new ConversationCache(0);
        off.Put("c1", 1, State("c1"));
        Assert.Equal(0, off.Count);
        Assert.Null(off.TryTake("c1", 1));
    }

    private static ConversationState State(string key) =>
        new(key, new ConversationReference("msteams", "https://smba.example/", new ConversationAccount { Id = key }, new ChannelAccount(), new ChannelAccount(), "zh-CN"));
}
