using System.Diagnostics;
using Microsoft.Extensions.AI;
using RolePlayBot.Llm.Tests.Fakes;

namespace RolePlayBot.Llm.Tests.Resilience;

public sealed class RetryBackoffTests
{
    private static readonly ChatMessage[] Messages = [new(ChatRole.User, "您好")];

    [Theory]
    [InlineData(1, 0.0, 0.0)]
    [InlineData(1, 0.5, 0.25)]
    [InlineData(2, 0.5, 0.5)]
    [InlineData(3, 0.99, 1.98)]
    [InlineData(6, 0.5, 2.0)]       // 0.5 · 2^5 = 16 s, capped at 4 s, half of it
    [InlineData(40, 0.999, 3.996)]  // no overflow however many tries
    public void Waits_are_uniform_below_the_capped_exponential_backoff(int tryCount, double random, double expectedSeconds)
    {
        var policy = new BoundedRetryPolicy(3, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(4), () => random);

        Assert.Equal(expectedSeconds, policy.Backoff(tryCount).TotalSeconds, 3);
    }

    [Fact]
    public void Without_a_seeded_source_two_waits_for_the_same_try_differ()
    {
        var policy = new BoundedRetryPolicy(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));

        var waits = Enumerable.Range(0, 20).Select(_ => policy.Backoff(3)).ToHashSet();

        Assert.True(waits.Count > 1, "the backoff has no jitter");
        Assert.All(waits, w => Assert.InRange(w, TimeSpan.Zero, TimeSpan.FromSeconds(4)));
    }

    [Fact]
    public async Task A_retry_after_ms_header_is_honoured_exactly_not_jittered()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Status(429, "", ("retry-after-ms", "700")), ScriptedReply.Completion("ok"));
        var options = Samples.Options(server.OpenAiEndpoint);
        options.RetryDelaySeconds = 0.01;
        using var client = ChatClientFactory.Create(options);

        Assert.Equal("ok", (await client.GetResponseAsync(Messages)).Text);

        var gap = Stopwatch.GetElapsedTime(server.Requests[0].ArrivedAt, server.Requests[1].ArrivedAt);
        Assert.InRange(gap, TimeSpan.FromSeconds(0.65), TimeSpan.FromSeconds(2.5));
    }
}
