using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using RolePlayBot.Llm.Resilience;
using RolePlayBot.Llm.Tests.Fakes;

namespace RolePlayBot.Llm.Tests.Resilience;

/// <summary>The decorator over the real SDK client and real HTTP: timeouts, hung streams, malformed answers, the breaker's bookkeeping.</summary>
public sealed class ResilientChatClientTests
{
    private static readonly ChatMessage[] Messages = [new(ChatRole.User, "您好")];

    [Fact]
    public async Task A_call_is_bounded_as_a_whole_even_when_each_attempt_may_take_longer()
    {
        await using var server = new FakeChatServer { Default = ScriptedReply.Hang() };
        using var client = Client(server, o =>
        {
            o.TimeoutSeconds = 30;
            o.CallTimeoutSeconds = 0.5;
        });

        var started = Stopwatch.GetTimestamp();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.GetResponseAsync(Messages));

        Assert.Contains("did not answer within 0.5 s", error.Message);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task An_attempt_that_times_out_in_the_sdk_is_reported_as_a_timeout_not_a_bare_cancellation()
    {
        await using var server = new FakeChatServer { Default = ScriptedReply.Hang() };
        using var client = Client(server, o =>
        {
            o.TimeoutSeconds = 0.5;
            o.CallTimeoutSeconds = 30;
            o.CircuitBreakerFailures = 1;
        });

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.GetResponseAsync(Messages));

        Assert.Contains("did not respond in time", error.Message);
        Assert.Equal(CircuitState.Open, Breaker(client).State);
    }

    [Fact]
    public async Task A_stream_that_sends_nothing_fails_after_the_idle_timeout()
    {
        await using var server = new FakeChatServer { Default = ScriptedReply.Hang() };
        using var client = Client(server, o => o.StreamIdleTimeoutSeconds = 0.5);

        var started = Stopwatch.GetTimestamp();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => ReadAllAsync(client, []));

        Assert.Contains("sent nothing for 0.5 s", error.Message);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_stream_that_stops_sending_midway_without_closing_fails_with_what_arrived_delivered()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(FaultyReply.StreamThenHang("我等了", "一个星期"));
        using var client = Client(server, o => o.StreamIdleTimeoutSeconds = 2);

        var chunks = new List<string>();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => ReadAllAsync(client, chunks));

        Assert.Equal(["我等了", "一个星期"], chunks);
        Assert.Contains("sent nothing", error.Message);
    }

    [Fact]
    public async Task A_stream_that_trickles_forever_is_cut_at_the_overall_cap()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(FaultyReply.Trickle(TimeSpan.FromMilliseconds(150), 100));
        using var client = Client(server, o =>
        {
            o.StreamIdleTimeoutSeconds = 2;
            o.StreamTimeoutSeconds = 2;
        });

        var chunks = new List<string>();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => ReadAllAsync(client, chunks));

        Assert.Contains("did not finish within 2 s", error.Message);
        Assert.InRange(chunks.Count, 1, 40);
    }

    [Fact]
    public async Task A_slow_reader_is_not_mistaken_for_a_silent_model()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Stream("那", "你们", "什么时候换？"));
        using var client = Client(server, o => o.StreamIdleTimeoutSeconds = 1);

        var chunks = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync(Messages))
        {
            chunks.Add(update.Text);
            if (chunks.Count == 1)
            {
                // Longer than the idle timeout, spent by the reader, not the model.
                await Task.Delay(TimeSpan.FromSeconds(1.6));
            }
        }

        Assert.Equal("那你们什么时候换？", string.Concat(chunks));
    }

    [Fact]
    public async Task A_stream_closed_before_the_model_finished_is_a_malformed_answer()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(FaultyReply.StreamCutOff("我要"));
        using var client = Client(server);

        var chunks = new List<string>();
        var error = await Assert.ThrowsAsync<MalformedAnswerException>(() => ReadAllAsync(client, chunks));

        Assert.Equal(["我要"], chunks);
        Assert.Contains("finish_reason", error.Message);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>", "text/html")]
    [InlineData("{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assist", "application/json")]
    [InlineData("{\"unexpected\":true}", "application/json")]
    [InlineData("", "application/json")]
    public async Task A_200_that_is_not_a_chat_completion_fails_and_counts_against_the_endpoint(string body, string contentType)
    {
        await using var server = new FakeChatServer { Default = ScriptedReply.Completion("never reached") };
        server.Enqueue(FaultyReply.Body(body, contentType));
        using var client = Client(server, o => o.CircuitBreakerFailures = 1);

        await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync(Messages));

        await Assert.ThrowsAsync<CircuitOpenException>(() => client.GetResponseAsync(Messages));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_answer_that_is_not_the_json_asked_for_is_passed_on_but_counted_as_a_failure()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion("当然可以！这位客服表现很好。"));
        using var client = Client(server, o => o.CircuitBreakerFailures = 1);
        var schema = JsonDocument.Parse("""{"type":"object","required":["items"]}""").RootElement;

        var response = await client.GetResponseAsync(Messages, new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "verdict") });

        Assert.Equal("当然可以！这位客服表现很好。", response.Text);
        Assert.Equal(CircuitState.Open, Breaker(client).State);
    }

    [Theory]
    [InlineData("{\"items\":[]}", CircuitState.Closed)]
    [InlineData("```json\n{\"items\":[]}\n```", CircuitState.Closed)]
    [InlineData("{\"critique\":\"ok\"}", CircuitState.Open)]
    [InlineData("[1,2]", CircuitState.Open)]
    public async Task Json_answers_are_checked_for_the_schemas_required_properties(string answer, CircuitState expected)
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion(answer));
        using var client = Client(server, o => o.CircuitBreakerFailures = 1);
        var schema = JsonDocument.Parse("""{"type":"object","required":["items"]}""").RootElement;

        await client.GetResponseAsync(Messages, new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "verdict") });

        Assert.Equal(expected, Breaker(client).State);
    }

    [Fact]
    public async Task A_400_refuses_one_request_on_its_merits_and_does_not_count_against_the_endpoint()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Status(400), ScriptedReply.Completion("ok"));
        using var client = Client(server, o => o.CircuitBreakerFailures = 1);

        await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync(Messages));

        Assert.Equal(CircuitState.Closed, Breaker(client).State);
        Assert.Equal("ok", (await client.GetResponseAsync(Messages)).Text);
    }

    [Fact]
    public async Task A_caller_that_cancels_teaches_the_breaker_nothing()
    {
        await using var server = new FakeChatServer { Default = ScriptedReply.Hang() };
        using var client = Client(server, o => o.CircuitBreakerFailures = 1);
        using var cancel = new CancellationTokenSource();

        var call = client.GetResponseAsync(Messages, cancellationToken: cancel.Token);
        await server.NextRequestAsync();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(CircuitState.Closed, Breaker(client).State);
    }

    private static IChatClient Client(FakeChatServer server, Action<LlmOptions>? configure = null)
    {
        var options = Samples.Options(server.OpenAiEndpoint, maxRetries: 0);
        configure?.Invoke(options);
        return ChatClientFactory.Create(options);
    }

    private static CircuitBreaker Breaker(IChatClient client) => client.GetService<ResilientChatClient>()!.Breaker;

    private static async Task ReadAllAsync(IChatClient client, List<string> chunks)
    {
        await foreach (var update in client.GetStreamingResponseAsync(Messages))
        {
            if (update.Text.Length > 0)
            {
                chunks.Add(update.Text);
            }
        }
    }
}
