using RolePlayBot.Bot.Conversations.State;

namespace RolePlayBot.Bot.Tests.Conversations;

/// <summary>The per-conversation lock: exclusive per conversation, and gone once nobody holds or awaits it.</summary>
public sealed class ConversationLocksTests
{
    [Fact]
    public async Task Ten_thousand_conversations_leave_no_lock_behind()
    {
        var locks = new ConversationLocks();
        for (var i = 0; i < 10_000; i++)
        {
            using (await locks.AcquireAsync($"msteams|c{i}"))
            {
                Assert.Equal(1, locks.Count);
            }

            locks.TryAcquire($"msteams|chased{i}")?.Dispose();
        }

        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task A_second_turn_of_the_same_conversation_waits_and_then_runs()
    {
        var locks = new ConversationLocks();
        var first = await locks.AcquireAsync("webchat|a");
        var second = locks.AcquireAsync("webchat|a");
        using var other = await locks.AcquireAsync("webchat|b");

        Assert.False(second.IsCompleted);
        Assert.Null(locks.TryAcquire("webchat|a"));
        Assert.Equal(2, locks.Count);

        first.Dispose();
        first.Dispose();
        using (await second.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.Null(locks.TryAcquire("webchat|a"));
        }

        Assert.Equal(1, locks.Count);
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_the_lock_to_its_holder_and_nothing_behind()
    {
        var locks = new ConversationLocks();
        var held = await locks.AcquireAsync("webchat|a");
        using var cancel = new CancellationTokenSource();
        var waiting = locks.AcquireAsync("webchat|a", cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Null(locks.TryAcquire("webchat|a"));

        held.Dispose();
        Assert.Equal(0, locks.Count);
        using var again = locks.TryAcquire("webchat|a");
        Assert.NotNull(again);
    }

    [Fact]
    public async Task Many_turns_of_one_conversation_never_overlap()
    {
        var locks = new ConversationLocks();
        var inside = 0;
        var overlaps = 0;
        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
        {
            using (await locks.AcquireAsync("msteams|one"))
            {
                if (Interlocked.Increment(ref inside) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                await Task.Yield();
                Interlocked.Decrement(ref inside);
            }
        })));

        Assert.Equal(0, overlaps);
        Assert.Equal(0, locks.Count);
    }
}
