using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Customers;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Personas;
using RolePlayBot.Core.Reports;
using RolePlayBot.Core.Scoring;
using RolePlayBot.Core.Sessions;
using RolePlayBot.Core.Usage;
using RolePlayBot.Llm.Tests.Fakes;
using ScriptedReply = RolePlayBot.Llm.Tests.Fakes.ScriptedReply;

namespace RolePlayBot.Llm.Tests;

/// <summary>Tokens reported by the Chat Completions server reach the turn, the session, its snapshot and the scorecard exactly.</summary>
public sealed class TokenUsageTests
{
    private static readonly FakeUsage CustomerUsage = new(1_530, 41, 1_280);
    private static readonly FakeUsage JudgeUsage = new(2_210, 377, 2_048);
    private static readonly TokenUsage CustomerCall = new(1_530, 41, 1_280, 1);
    private static readonly TokenUsage JudgeCall = new(2_210, 377, 2_048, 1);

    private static bool IsJudgeCall(RecordedRequest request) => request.Body.Contains("json_schema", StringComparison.Ordinal);

    [Fact]
    public async Task The_client_passes_on_cached_input_tokens_of_an_answer_and_of_a_stream()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion("好的", CustomerUsage), ScriptedReply.Stream(JudgeUsage, "好", "的"));
        using var client = Samples.Client(server);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]))
        {
            updates.Add(update);
        }

        Assert.Equal((1_530L, 41L, 1_280L), (response.Usage!.InputTokenCount, response.Usage.OutputTokenCount, response.Usage.CachedInputTokenCount));
        var streamed = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>()).Details;
        Assert.Equal((2_210L, 377L, 2_048L), (streamed.InputTokenCount, streamed.OutputTokenCount, streamed.CachedInputTokenCount));
        // A provider reports a stream's usage only when asked to.
        Assert.True(server.Requests[1].Json.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
    }

    [Fact]
    public async Task The_model_customer_records_its_answer_and_its_stream_on_the_meter()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion("那今天能发出吗？", CustomerUsage), ScriptedReply.Stream(CustomerUsage, "那今天", "能发出吗？"));
        var customer = new ModelCustomer(Samples.Client(server), Samples.CustomerTemplate, new FakeScriptedCustomer());
        var meter = new TokenMeter();
        var context = Samples.Context() with { Tokens = meter };

        await customer.NextAsync(context);
        Assert.Equal(CustomerCall, meter.Total);
        await customer.NextAsync(context, new Progress<string>(), CancellationToken.None);

        Assert.Equal(CustomerCall + CustomerCall, meter.Total);
    }

    [Fact]
    public async Task A_call_that_never_answered_costs_nothing_and_leaves_the_turn_without_tokens()
    {
        await using var server = new FakeChatServer { Default = ScriptedReply.Status(503) };
        var customer = new ModelCustomer(Samples.Client(server, maxRetries: 0), Samples.CustomerTemplate, new FakeScriptedCustomer());
        var meter = new TokenMeter();

        var message = await customer.NextAsync(Samples.Context() with { Tokens = meter });

        Assert.Equal(CustomerMessage.Fallback, message.Source);
        Assert.Null(meter.Total);
    }

    [Fact]
    public async Task The_judge_counts_every_answer_including_an_unusable_one()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion("not json", JudgeUsage), ScriptedReply.Completion(JudgeAnswers.With((ChecklistItemIds.Apology, "非常抱歉")), JudgeUsage));
        var judge = new LlmJudgeEvaluator(Samples.Client(server), Samples.JudgeTemplate, new FakeRules());
        var meter = new TokenMeter();

        var result = await judge.EvaluateAsync(Samples.Request(Samples.GoodReply) with { Tokens = meter });

        Assert.Equal(ObservationSources.Llm, result.Find(ChecklistItemIds.Apology)!.Source);
        Assert.Equal(new TokenUsage(4_420, 754, 4_096, 2), meter.Total);
    }

    [Fact]
    public async Task A_model_session_records_tokens_per_turn_and_in_total_through_snapshot_and_scorecard()
    {
        await using var server = new FakeChatServer
        {
            Responder = request => IsJudgeCall(request)
                ? ScriptedReply.Completion(JudgeAnswers.With((ChecklistItemIds.Apology, "非常抱歉")), JudgeUsage)
                : ScriptedReply.Completion("那你们到底什么时候换？", CustomerUsage),
        };
        var checklist = ChecklistLoader.LoadDefault(AppContext.BaseDirectory);
        var engines = Engines(server, checklist);
        var session = new PracticeSession(Samples.Persona() with { Mood = new PersonaMood { Anger = 60, Patience = 90 } }, engines, seed: 5);
        session.Start(new DateTimeOffset(2026, 5, 20, 9, 0, 0, TimeSpan.Zero));

        await session.ReplyAfterAsync("非常抱歉，我帮您查一下。", TimeSpan.FromSeconds(20));
        await session.ReplyAfterAsync("非常抱歉，请问水壶是哪里漏水？", TimeSpan.FromSeconds(20));

        var perTurn = CustomerCall + JudgeCall;
        Assert.All(session.Turns, t => Assert.Equal(perTurn, t.Tokens));
        Assert.Equal(perTurn + perTurn, session.Tokens);
        Assert.Equal(new TokenUsage(7_480, 836, 6_656, 4), session.Tokens);
        Assert.Equal(4, server.Requests.Count);

        // Stored and restored (a bot restart) the numbers are the same, and the next turn adds to them.
        var json = JsonSerializer.Serialize(session.Snapshot(), RpbJson.Compact);
        var restored = PracticeSession.Restore(JsonSerializer.Deserialize<SessionSnapshot>(json, RpbJson.Compact)!, session.Persona, engines);
        Assert.Equal(session.Turns.Select(t => t.Tokens), restored.Turns.Select(t => t.Tokens));
        await restored.ReplyAfterAsync("非常抱歉，已为您安排换货。", TimeSpan.FromSeconds(20));
        Assert.Equal(perTurn + perTurn + perTurn, restored.Tokens);

        var card = new ScorecardBuilder(checklist).Build(restored);
        Assert.Equal(new TokenUsage(11_220, 1_254, 9_984, 6), card.Tokens);
        Assert.Equal("模型用量：输入 11,220 tokens（缓存 9,984）· 输出 1,254", ScorecardTexts.Tokens(card.Tokens!, zh: true));
        Assert.Equal("Model usage: input 11,220 tokens (9,984 cached) · output 1,254", ScorecardTexts.Tokens(card.Tokens!, zh: false));
    }

    [Fact]
    public async Task A_snapshot_stored_before_tokens_were_recorded_still_restores()
    {
        var checklist = ChecklistLoader.LoadDefault(AppContext.BaseDirectory);
        await using var server = new FakeChatServer
        {
            Responder = request => IsJudgeCall(request)
                ? ScriptedReply.Completion(JudgeAnswers.With((ChecklistItemIds.Apology, "非常抱歉")), JudgeUsage)
                : ScriptedReply.Completion("嗯。", CustomerUsage),
        };
        var engines = Engines(server, checklist);
        var session = new PracticeSession(Samples.Persona() with { Mood = new PersonaMood { Anger = 60, Patience = 90 } }, engines, seed: 5);
        session.Start(new DateTimeOffset(2026, 5, 20, 9, 0, 0, TimeSpan.Zero));
        await session.ReplyAfterAsync("非常抱歉，我帮您查一下。", TimeSpan.FromSeconds(20));

        var old = JsonNode.Parse(JsonSerializer.Serialize(session.Snapshot(), RpbJson.Compact))!;
        foreach (var turn in old["turns"]!.AsArray())
        {
            Assert.True(turn!.AsObject().Remove("tokens"));
        }
        var restored = PracticeSession.Restore(old.Deserialize<SessionSnapshot>(RpbJson.Compact)!, session.Persona, engines);

        Assert.Null(Assert.Single(restored.Turns).Tokens);
        Assert.Null(restored.Tokens);
        Assert.Null(new ScorecardBuilder(checklist).Build(restored).Tokens);
        await restored.ReplyAfterAsync("非常抱歉，已为您安排换货。", TimeSpan.FromSeconds(20));
        Assert.Equal(CustomerCall + JudgeCall, restored.Tokens);
    }

    [Fact]
    public async Task Each_model_turn_is_published_as_a_metric_for_load_tests()
    {
        await using var server = new FakeChatServer
        {
            Responder = request => IsJudgeCall(request)
                ? ScriptedReply.Completion(JudgeAnswers.With((ChecklistItemIds.Apology, "非常抱歉")), JudgeUsage)
                : ScriptedReply.Completion("嗯。", CustomerUsage),
        };
        var persona = Samples.Persona() with { Id = $"metrics-probe-{Guid.NewGuid():n}", Mood = new PersonaMood { Anger = 60, Patience = 90 } };
        var perTurn = new List<long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TokenMetrics.MeterName && instrument.Name == "rpb.turn.tokens")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "persona" && Equals(tag.Value, persona.Id))
                {
                    lock (perTurn)
                    {
                        perTurn.Add(value);
                    }
                }
            }
        });
        listener.Start();
        var session = new PracticeSession(persona, Engines(server, ChecklistLoader.LoadDefault(AppContext.BaseDirectory)), seed: 5);
        session.Start();

        await session.ReplyAfterAsync("非常抱歉，我帮您查一下。", TimeSpan.FromSeconds(20));
        await session.ReplyAfterAsync("非常抱歉，请问水壶是哪里漏水？", TimeSpan.FromSeconds(20));

        Assert.Equal([(CustomerCall + JudgeCall).Total, (CustomerCall + JudgeCall).Total], perTurn);
    }

    [Fact]
    public async Task An_offline_session_has_no_tokens()
    {
        var checklist = ChecklistLoader.LoadDefault(AppContext.BaseDirectory);
        var rules = new FakeRules();
        var session = new PracticeSession(Samples.Persona(), new PracticeEngines(checklist, rules, rules, new FakeScriptedCustomer()), seed: 5);
        session.Start();

        await session.ReplyAfterAsync("非常抱歉，我帮您查一下。", TimeSpan.FromSeconds(20));

        Assert.Null(Assert.Single(session.Turns).Tokens);
        Assert.Null(session.Tokens);
        Assert.Null(new ScorecardBuilder(checklist).Build(session).Tokens);
        Assert.Null(SessionReport.From(session, new ScorecardBuilder(checklist).Build(session), "offline").Tokens);
    }

    private static PracticeEngines Engines(FakeChatServer server, ChecklistDefinition checklist)
    {
        var rules = new FakeRules();
        var client = Samples.Client(server, maxRetries: 0);
        return new PracticeEngines(
            checklist, rules,
            new LlmJudgeEvaluator(client, Samples.JudgeTemplate, rules),
            new ModelCustomer(client, Samples.CustomerTemplate, new FakeScriptedCustomer()));
    }
}
