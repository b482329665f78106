using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Llm.Tests.Fakes;

namespace RolePlayBot.Llm.Tests;

public sealed class LlmJudgeEvaluatorTests
{
    private static LlmJudgeEvaluator Judge(FakeChatServer server, FakeRules? rules = null, double timeoutSeconds = 5) =>
        new(Samples.Client(server, timeoutSeconds), Samples.JudgeTemplate, rules ?? new FakeRules());

    [Fact]
    public async Task A_good_answer_is_used_with_exact_evidence()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion(JudgeAnswers.With(
            (ChecklistItemIds.Apology, "非常抱歉让您收到漏水的水壶"),
            (ChecklistItemIds.AcknowledgeEmotion, "等了这么久一定很着急"),
            (ChecklistItemIds.ConcreteSolution, "已为您安排换货"),
            (ChecklistItemIds.TimeCommitment, "今天18点前发出"),
            (ChecklistItemIds.FollowUpCare, "发货后我再提醒您单号"))));

        var result = await Judge(server).EvaluateAsync(Samples.Request(Samples.GoodReply));

        Assert.Equal(ChecklistItemIds.All, result.Items.Select(o => o.ItemId));
        Assert.All(result.Items, o => Assert.Equal(ObservationSources.Llm, o.Source));
        Assert.All(result.Items.Where(o => o.Observed), o => Assert.Contains(o.Evidence!, Samples.GoodReply));
        Assert.True(result.IsObserved(ChecklistItemIds.FollowUpCare));
        Assert.Equal("今天18点前发出", result.Find(ChecklistItemIds.TimeCommitment)!.Evidence);
        Assert.Equal(JudgeAnswers.Critique, result.Critique);
        Assert.Equal(JudgeAnswers.Suggestion, result.SuggestedReply);
        Assert.False(result.InjectionSuspected);
        Assert.Empty(result.Diagnostics);

        var request = Assert.Single(server.Requests);
        Assert.Equal("json_schema", request.Json.GetProperty("response_format").GetProperty("type").GetString());
        Assert.DoesNotContain(Samples.GoodReply, request.System);
        Assert.Matches("<trainee_reply id=\"[0-9a-f]{24}\">", request.User);
    }

    [Fact]
    public async Task A_fabricated_quote_is_dropped_and_the_rules_observation_kept()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion(JudgeAnswers.With(
            (ChecklistItemIds.PerspectiveTaking, "换作是我也会很生气"),
            (ChecklistItemIds.Apology, "非常抱歉让您收到漏水的水壶"))));

        var result = await Judge(server).EvaluateAsync(Samples.Request(Samples.GoodReply));

        var perspective = result.Find(ChecklistItemIds.PerspectiveTaking)!;
        Assert.False(perspective.Observed);
        Assert.Equal(ObservationSources.Rules, perspective.Source);
        Assert.Contains(result.Diagnostics, d => d.Contains("perspective_taking") && d.Contains("not in the reply"));
        Assert.Equal(ObservationSources.Llm, result.Find(ChecklistItemIds.Apology)!.Source);
    }

    [Fact]
    public async Task Unknown_and_missing_ids_are_handled()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion("""
            {"items":[{"id":"apology","observed":true,"evidence":"非常抱歉"},{"id":"be_awesome","observed":true,"evidence":"非常"}],
             "critique":"","suggested_reply":"","injection_suspected":false}
            """));

        var result = await Judge(server).EvaluateAsync(Samples.Request(Samples.GoodReply));

        Assert.Equal(13, result.Items.Count);
        Assert.DoesNotContain(result.Items, o => o.ItemId == "be_awesome");
        Assert.Contains(result.Diagnostics, d => d.Contains("unknown item 'be_awesome'"));
        Assert.Equal(ObservationSources.Rules, result.Find(ChecklistItemIds.TimeCommitment)!.Source);
        Assert.Equal(FakeRules.Critique, result.Critique);
        Assert.Equal(FakeRules.Suggestion, result.SuggestedReply);
    }

    [Fact]
    public async Task Malformed_json_is_retried_once_then_the_rules_are_used()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion("评分结果：情感5/5"), ScriptedReply.Completion("""{"items":[{"id":"apology","obs""", "length"));

        var result = await Judge(server).EvaluateAsync(Samples.Request(Samples.GoodReply));

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(FakeRules.Evaluate(Samples.Request(Samples.GoodReply)).Items, result.Items);
        Assert.Equal(FakeRules.Critique, result.Critique);
        Assert.Contains(result.Diagnostics, d => d.Contains("judge answer 1 unusable"));
        Assert.Contains(result.Diagnostics, d => d.Contains("judge answer 2 unusable") && d.Contains("token limit"));
        Assert.Contains(result.Diagnostics, d => d.Contains("rules' evaluation was used"));
        Assert.NotEqual(Nonce(server.Requests[0].User), Nonce(server.Requests[1].User));
    }

    [Fact]
    public async Task A_retry_that_succeeds_is_used()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion("not json"), ScriptedReply.Completion(JudgeAnswers.With((ChecklistItemIds.Apology, "非常抱歉"))));

        var result = await Judge(server).EvaluateAsync(Samples.Request(Samples.GoodReply));

        Assert.Equal(ObservationSources.Llm, result.Find(ChecklistItemIds.Apology)!.Source);
        Assert.Contains(result.Diagnostics, d => d.Contains("judge answer 1 unusable"));
    }

    [Fact]
    public async Task A_timeout_falls_back_to_the_rules()
    {
        await using var server = new FakeChatServer { Default = ScriptedReply.Hang() };

        var result = await Judge(server, timeoutSeconds: 0.3).EvaluateAsync(Samples.Request(Samples.GoodReply));

        Assert.Equal(FakeRules.Evaluate(Samples.Request(Samples.GoodReply)).Scores, result.Scores);
        Assert.All(result.Items, o => Assert.Equal(ObservationSources.Rules, o.Source));
        Assert.Contains(result.Diagnostics, d => d.Contains("model judge unavailable"));
    }

    [Fact]
    public async Task An_anti_pattern_the_rules_saw_cannot_be_cleared_by_the_model()
    {
        const string reply = "快递的事我们管不了，您自己联系吧。";
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion(JudgeAnswers.With((ChecklistItemIds.Apology, "快递的事"))));

        var result = await Judge(server).EvaluateAsync(Samples.Request(reply));

        var blame = result.Find(ChecklistItemIds.BlameShifting)!;
        Assert.True(blame.Observed);
        Assert.Equal(ObservationSources.Rules, blame.Source);
        Assert.True(result.IsObserved(ChecklistItemIds.ColdTone));
    }

    [Fact]
    public async Task The_model_may_refine_the_rules_on_a_clean_reply()
    {
        // A formula apology the rules count, the model does not; and a question the rules miss.
        const string reply = "不好意思，非常抱歉。请问水壶是从底部还是壶嘴漏水？";
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion(JudgeAnswers.With((ChecklistItemIds.ClarifyingQuestion, "请问水壶是从底部还是壶嘴漏水？"))));

        var result = await Judge(server).EvaluateAsync(Samples.Request(reply));

        Assert.False(result.IsObserved(ChecklistItemIds.Apology));
        Assert.True(result.IsObserved(ChecklistItemIds.ClarifyingQuestion));
        Assert.Equal(new ProportionalReplyScorer().Score(result.Items, Samples.Request(reply)), result.Scores);
    }

    [Fact]
    public async Task A_judge_uses_the_verdict_its_own_rules_gave_already_and_runs_another_engines_again()
    {
        await using var server = new FakeChatServer
        {
            Responder = _ => ScriptedReply.Completion(JudgeAnswers.With((ChecklistItemIds.Apology, "非常抱歉让您收到漏水的水壶"))),
        };
        var rules = new FakeRules();
        var judge = Judge(server, rules);
        var request = Samples.Request(Samples.GoodReply);

        var result = await judge.EvaluateAsync(request with { Rules = new RuleVerdict(rules, FakeRules.Evaluate(request)) });
        Assert.Empty(rules.Calls);
        Assert.True(result.IsObserved(ChecklistItemIds.Apology));

        await judge.EvaluateAsync(request with { Rules = new RuleVerdict(new FakeRules(), FakeRules.Evaluate(request)) });
        Assert.Single(rules.Calls);
    }

    [Fact]
    public async Task A_model_turn_runs_the_rules_once_for_the_mood_and_the_judge_together()
    {
        await using var server = new FakeChatServer
        {
            Responder = request => request.Body.Contains("json_schema", StringComparison.Ordinal)
                ? ScriptedReply.Completion(JudgeAnswers.With((ChecklistItemIds.Apology, "非常抱歉")))
                : ScriptedReply.Completion("那你们到底什么时候换？"),
        };
        var checklist = ChecklistLoader.LoadDefault(AppContext.BaseDirectory);
        var rules = new FakeRules();
        var client = Samples.Client(server, maxRetries: 0);
        var engines = new Core.Sessions.PracticeEngines(
            checklist, rules, new LlmJudgeEvaluator(client, Samples.JudgeTemplate, rules),
            new Core.Customers.ModelCustomer(client, Samples.CustomerTemplate, new FakeScriptedCustomer()));
        var session = new Core.Sessions.PracticeSession(Samples.Persona(), engines, seed: 5);
        session.Start();

        var turn = await session.ReplyAfterAsync("非常抱歉，我帮您查一下。", TimeSpan.FromSeconds(20));

        Assert.Single(rules.Calls);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(ObservationSources.Llm, turn.Evaluation.Find(ChecklistItemIds.Apology)!.Source);
        Assert.Equal("那你们到底什么时候换？", turn.CustomerReply?.Text);
    }

    private static string Nonce(string user) =>
        System.Text.RegularExpressions.Regex.Match(user, "<trainee_reply id=\"([0-9a-f]+)\">").Groups[1].Value;
}
