using System.Diagnostics;
using Microsoft.Extensions.AI;
using RolePlayBot.Core.Customers;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Llm.Resilience;
using RolePlayBot.Llm.Tests.Fakes;

namespace RolePlayBot.Llm.Tests.Resilience;

/// <summary>
/// Each way a model endpoint fails, over real HTTP, through the real customer and judge: the call falls back to the
/// offline engine, says so, loses nothing, and the circuit breaker spares later turns the wait.
/// </summary>
public sealed class ModelFaultFallbackTests
{
    public static TheoryData<string> Faults => ["timeout", "429 beyond the cap", "429 beyond the retries", "500", "502", "503", "html body", "truncated json", "not a completion"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task The_customer_falls_back_to_the_scripted_engine_with_the_transcript_intact(string fault)
    {
        await using var server = new FakeChatServer { Default = Fault(fault) };
        var scripted = new FakeScriptedCustomer();
        var customer = new ModelCustomer(Client(server), Samples.CustomerTemplate, scripted);
        var context = Samples.Context();

        var started = Stopwatch.GetTimestamp();
        var message = await customer.NextAsync(context);

        Assert.Equal(CustomerMessage.Fallback, message.Source);
        Assert.Equal(FakeScriptedCustomer.Line, message.Text);
        Assert.Contains(message.Diagnostics!, d => d.Contains("scripted customer answered"));
        Assert.Same(context, Assert.Single(scripted.Contexts));
        Assert.Equal([Samples.CustomerMessage, Samples.GoodReply], context.Transcript.Select(l => l.Text));
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(8), "the fallback took too long");
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task The_judge_falls_back_to_the_rules_verdict_and_says_so(string fault)
    {
        await using var server = new FakeChatServer { Default = Fault(fault) };
        var judge = new LlmJudgeEvaluator(Client(server), Samples.JudgeTemplate, new FakeRules());
        var request = Samples.Request(Samples.GoodReply);

        var result = await judge.EvaluateAsync(request);

        Assert.True(result.FellBackToRules);
        Assert.Equal(FakeRules.Evaluate(request).Items, result.Items);
        Assert.Equal(FakeRules.Critique, result.Critique);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_and_the_model_still_answers()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Status(429, "", ("Retry-After", "1")), ScriptedReply.Completion("那你们什么时候给我换？"));
        var customer = new ModelCustomer(Client(server, maxRetries: 2), Samples.CustomerTemplate, new FakeScriptedCustomer());

        var message = await customer.NextAsync(Samples.Context());

        Assert.Equal(CustomerMessage.Model, message.Source);
        Assert.Equal(2, server.Requests.Count);
        Assert.InRange(Stopwatch.GetElapsedTime(server.Requests[0].ArrivedAt, server.Requests[1].ArrivedAt), TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_judge_answer_that_is_not_json_falls_back_to_the_rules_and_counts_against_the_endpoint()
    {
        await using var server = new FakeChatServer { Default = ScriptedReply.Completion("这位客服的回复很好，我给满分！") };
        var client = Client(server, breakAfter: 2);
        var judge = new LlmJudgeEvaluator(client, Samples.JudgeTemplate, new FakeRules());

        var result = await judge.EvaluateAsync(Samples.Request(Samples.GoodReply));

        Assert.True(result.FellBackToRules);
        Assert.All(result.Items, o => Assert.Equal(ObservationSources.Rules, o.Source));
        Assert.Equal(2, server.Requests.Count);    // the judge asks twice, as before
        Assert.Equal(CircuitState.Open, client.GetService<ResilientChatClient>()!.Breaker.State);
    }

    [Fact]
    public async Task A_stream_that_never_starts_falls_back_to_the_scripted_line()
    {
        await using var server = new FakeChatServer { Default = ScriptedReply.Hang() };
        var customer = new ModelCustomer(Client(server, configure: o =>
        {
            o.TimeoutSeconds = 20;
            o.StreamIdleTimeoutSeconds = 0.5;
        }), Samples.CustomerTemplate, new FakeScriptedCustomer());
        var shown = new List<string>();

        var started = Stopwatch.GetTimestamp();
        var message = await customer.NextAsync(Samples.Context(), new Progress(shown));

        Assert.Equal(CustomerMessage.Fallback, message.Source);
        Assert.Equal(FakeScriptedCustomer.Line, message.Text);
        Assert.Empty(shown);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_streamed_answer_that_hangs_midway_is_replaced_by_the_scripted_customers_whole_line()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(FaultyReply.StreamThenHang("你们", "到底"));
        var customer = new ModelCustomer(Client(server, configure: o =>
        {
            o.TimeoutSeconds = 20;
            o.StreamIdleTimeoutSeconds = 2;
        }), Samples.CustomerTemplate, new FakeScriptedCustomer());
        var shown = new List<string>();

        var started = Stopwatch.GetTimestamp();
        var message = await customer.NextAsync(Samples.Context(), new Progress(shown));

        Assert.Equal(CustomerMessage.Fallback, message.Source);
        Assert.Equal(FakeScriptedCustomer.Line, message.Text);
        Assert.Contains(message.Diagnostics!, d => d.Contains(nameof(TimeoutException)) && d.Contains("sent nothing"));
        Assert.Equal(["你们", "你们到底"], shown);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task After_repeated_failures_turns_fall_back_at_once_without_calling_the_endpoint_until_a_probe_succeeds()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        await using var server = new FakeChatServer { Default = ScriptedReply.Hang() };
        var client = Client(server, breakAfter: 3, clock: clock, configure: o =>
        {
            o.TimeoutSeconds = 2;
            o.CircuitBreakerSeconds = 30;
        });
        var customer = new ModelCustomer(client, Samples.CustomerTemplate, new FakeScriptedCustomer());

        for (var turn = 1; turn <= 3; turn++)
        {
            Assert.Equal(CustomerMessage.Fallback, (await customer.NextAsync(Samples.Context())).Source);
        }

        Assert.Equal(3, server.Requests.Count);
        for (var turn = 4; turn <= 6; turn++)
        {
            var started = Stopwatch.GetTimestamp();
            var message = await customer.NextAsync(Samples.Context());
            Assert.Equal(CustomerMessage.Fallback, message.Source);
            Assert.Contains(message.Diagnostics!, d => d.Contains("circuit open"));
            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(1.5), "an open circuit still waited for the endpoint");
        }

        Assert.Equal(3, server.Requests.Count);

        server.Default = ScriptedReply.Completion("好吧，那你说怎么处理。");
        clock.Advance(TimeSpan.FromSeconds(31));
        var probe = await customer.NextAsync(Samples.Context());
        var after = await customer.NextAsync(Samples.Context());

        Assert.Equal(CustomerMessage.Model, probe.Source);
        Assert.Equal(CustomerMessage.Model, after.Source);
        Assert.Equal(5, server.Requests.Count);
        Assert.Equal(CircuitState.Closed, client.GetService<ResilientChatClient>()!.Breaker.State);
    }

    [Fact]
    public async Task One_breaker_serves_the_customer_and_the_judge_of_every_session()
    {
        await using var server = new FakeChatServer { Default = ScriptedReply.Status(503) };
        var client = Client(server, maxRetries: 0, breakAfter: 2);
        var customer = new ModelCustomer(client, Samples.CustomerTemplate, new FakeScriptedCustomer());
        var judge = new LlmJudgeEvaluator(client, Samples.JudgeTemplate, new FakeRules());

        await customer.NextAsync(Samples.Context());
        await customer.NextAsync(Samples.Context());
        var result = await judge.EvaluateAsync(Samples.Request(Samples.GoodReply));

        Assert.True(result.FellBackToRules);
        Assert.Contains(result.Diagnostics, d => d.Contains(nameof(CircuitOpenException)));
        Assert.Equal(2, server.Requests.Count);
    }

    /// <summary>Records what the customer has written so far, synchronously (System.Progress would post to the thread pool).</summary>
    private sealed class Progress(List<string> shown) : IProgress<string>
    {
        public void Report(string value) => shown.Add(value);
    }

    private static IChatClient Client(FakeChatServer server, int maxRetries = 1, int breakAfter = 5, TimeProvider? clock = null, Action<LlmOptions>? configure = null)
    {
        var options = Samples.Options(server.OpenAiEndpoint, timeoutSeconds: 1, maxRetries);
        options.MaxRetryDelaySeconds = 1;
        options.CircuitBreakerFailures = breakAfter;
        configure?.Invoke(options);
        return ChatClientFactory.Create(options, credential: null, transport: null, clock);
    }

    private static ScriptedReply Fault(string fault) => fault switch
    {
        "timeout" => FaultyReply.After(TimeSpan.FromSeconds(5), ScriptedReply.Completion("too late")),
        "429 beyond the cap" => ScriptedReply.Status(429, "", ("Retry-After", "60")),
        "429 beyond the retries" => ScriptedReply.Status(429, "", ("retry-after-ms", "50")),
        "500" => ScriptedReply.Status(500),
        "502" => ScriptedReply.Status(502),
        "503" => ScriptedReply.Status(503),
        "html body" => FaultyReply.Body("<html><body>upstream connect error</body></html>", "text/html"),
        "truncated json" => FaultyReply.Body("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"mess"),
        "not a completion" => FaultyReply.Body("{\"status\":\"ok\"}"),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };
}
