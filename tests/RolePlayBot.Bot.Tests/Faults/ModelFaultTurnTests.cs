using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RolePlayBot.Bot.Conversations;
using RolePlayBot.Bot.Tests.Conversations;
using RolePlayBot.Bot.Tests.Logging;
using RolePlayBot.Bot.Tests.Persistence;
using RolePlayBot.Llm.Tests.Fakes;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Tests.Faults;

/// <summary>
/// Whole bot turns (the real host, real SQLite file) against a model endpoint on loopback that fails in each way a real
/// one does: every turn completes with the offline engine, the trainee is told, and the stored transcript is whole.
/// </summary>
public sealed class ModelFaultTurnTests
{
    private const string CustomerNote = "这一句由离线引擎扮演客户";
    private const string JudgeNote = "这一轮由离线引擎点评";
    private const string ModelCustomerLine = "好吧，那你说怎么处理。";

    public static TheoryData<string> Faults => ["timeout", "429 beyond the cap", "500", "502", "503", "malformed body", "judge answers prose"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_failing_model_still_makes_a_complete_turn_with_the_fallback_note_and_a_whole_transcript(string fault)
    {
        var (customerAnswer, judgeAnswer) = Fault(fault);
        var customerFails = fault != "judge answers prose";
        await using var model = new FakeChatServer { Responder = r => ModelCalls.IsJudge(r) ? judgeAnswer : customerAnswer };
        using var db = new TempSqlite();
        var time = new ManualTime(ChatHarness.Start);
        var trainee = new Trainee(time);
        var sender = new RecordingChannelSender();
        await using var bot = new BotInstance(db.Options, time, sender, settings: ModelSettings(model, fault == "timeout" ? null : new()
        {
            // Only the timeout case needs the 1 s limit; the other faults answer at once, and on a loaded machine a 1 s
            // limit could end a call before the loopback server had even taken it in.
            ["Llm:TimeoutSeconds"] = "10",
        }));
        await bot.SendAsync(trainee.Says(Script.Start));
        time.Advance(TimeSpan.FromSeconds(20));

        var mark = sender.Sent.Count;
        await bot.SendAsync(trainee.Says(Script.Replies[0]));

        var sent = sender.Sent.Skip(mark).Select(s => s.Activity).ToList();
        var feedback = Sent.CardText(Assert.Single(Sent.Cards(sent)));
        Assert.Contains(JudgeNote, feedback);
        Assert.Contains("已收到您的反馈", feedback);
        var texts = Sent.Texts(sent);
        Assert.Equal(customerFails ? 1 : 0, texts.Count(t => t.Contains(CustomerNote)));

        var session = Assert.Single(await bot.Store.SessionsAsync(new SessionQuery()));
        var turn = Assert.Single(await bot.Store.TurnsAsync(session.Id));
        Assert.Equal(Script.Replies[0], turn.TraineeText);
        Assert.Equal(customerFails ? "fallback" : "model", turn.CustomerSource);
        // The trainer sees later that the rules alone judged this reply (the trainee was told at once).
        Assert.Equal(Core.Evaluation.JudgeSources.Fallback, turn.JudgeSource);
        if (!customerFails)
        {
            Assert.Equal(ModelCustomerLine, turn.CustomerReply);
        }

        Assert.False(string.IsNullOrWhiteSpace(turn.CustomerReply));
        Assert.Contains(texts, t => t.Contains("林女士") && t.Contains(BotTexts.Escape(turn.CustomerReply!)));
        Assert.False(string.IsNullOrWhiteSpace(turn.Critique));

        // Both calls were made. On a loaded machine the 1 s call timeout can fire before the loopback server has
        // taken the request in, so its record may come after the turn: wait for it rather than read it at once.
        await WhenAsync(() => model.Requests.Any(ModelCalls.IsJudge) && model.Requests.Any(r => !ModelCalls.IsJudge(r)));
    }

    private static async Task WhenAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(15), "the model server never saw both calls");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task In_an_exam_where_no_feedback_card_is_shown_the_judges_fallback_is_still_told_once()
    {
        await using var model = new FakeChatServer { Responder = r => ModelCalls.IsJudge(r) ? ScriptedReply.Status(503) : ScriptedReply.Completion(ModelCustomerLine) };
        using var db = new TempSqlite();
        var time = new ManualTime(ChatHarness.Start);
        var trainee = new Trainee(time);
        var sender = new RecordingChannelSender();
        await using var bot = new BotInstance(db.Options, time, sender, settings: ModelSettings(model));
        await bot.SendAsync(trainee.Says("mode exam"));
        await bot.SendAsync(trainee.Says(Script.Start));
        time.Advance(TimeSpan.FromSeconds(20));

        var mark = sender.Sent.Count;
        await bot.SendAsync(trainee.Says(Script.Replies[0]));

        var sent = sender.Sent.Skip(mark).Select(s => s.Activity).ToList();
        Assert.Empty(Sent.Cards(sent));
        var texts = Sent.Texts(sent);
        Assert.Single(texts, t => t.Contains(JudgeNote));
        Assert.DoesNotContain(texts, t => t.Contains(CustomerNote));
        Assert.Contains(texts, t => t.Contains(BotTexts.Escape(ModelCustomerLine)));
    }

    [Fact]
    public async Task Once_the_breaker_opens_other_trainees_turns_fall_back_at_once_without_calling_the_model()
    {
        await using var model = new FakeChatServer { Default = ScriptedReply.Hang() };
        using var db = new TempSqlite();
        var time = new ManualTime(ChatHarness.Start);
        var first = new Trainee(time);
        var second = new Trainee(time);
        var sender = new RecordingChannelSender();
        var logs = new CapturedLogs();
        await using var bot = new BotInstance(db.Options, time, sender, s => s.AddSingleton<ILoggerProvider>(logs), settings: ModelSettings(model, new()
        {
            ["Llm:TimeoutSeconds"] = "4",
            ["Llm:CircuitBreakerFailures"] = "2",
            ["Llm:CircuitBreakerSeconds"] = "300",
        }));
        await bot.SendAsync(first.Says(Script.Start));
        await bot.SendAsync(second.Says(Script.Start));
        time.Advance(TimeSpan.FromSeconds(20));

        // The customer's and the judge's calls both time out: two failures in a row.
        await bot.SendAsync(first.Says(Script.Replies[0]));
        var calls = model.Requests.Count;
        Assert.Equal(2, calls);

        var mark = sender.Sent.Count;
        var started = Stopwatch.GetTimestamp();
        await bot.SendAsync(second.Says(Script.Replies[0]));

        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(3), "an open circuit still waited for the model");
        Assert.Equal(calls, model.Requests.Count);
        var sent = sender.Sent.Skip(mark).Select(s => s.Activity).ToList();
        Assert.Contains(JudgeNote, Sent.CardText(Assert.Single(Sent.Cards(sent))));
        Assert.Contains(Sent.Texts(sent), t => t.Contains(CustomerNote));
        var sessions = await bot.Store.SessionsAsync(new SessionQuery());
        Assert.All(sessions, s => Assert.Equal(1, s.TurnCount));

        // The operator learns why the class is on the offline engine, once, when it happens.
        var opened = Assert.Single(logs.Lines, l => l.Category == "RolePlayBot.Engine" && l.Message.Contains("circuit open", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, opened.Level);
        Assert.Contains("failed 2 times in a row", opened.Message, StringComparison.Ordinal);
        Assert.Contains("offline engine", opened.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> ModelSettings(FakeChatServer model, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Endpoint"] = model.OpenAiEndpoint,
            ["Llm:Model"] = "test-model",
            ["Llm:ApiKey"] = "test-key",
            ["Llm:TimeoutSeconds"] = "1",
            ["Llm:MaxRetries"] = "1",
            ["Llm:RetryDelaySeconds"] = "0.01",
            ["Llm:MaxRetryDelaySeconds"] = "1",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>What the customer's and the judge's calls get: the same fault, except where the judge alone misbehaves.</summary>
    private static (ScriptedReply Customer, ScriptedReply Judge) Fault(string fault)
    {
        ScriptedReply both = fault switch
        {
            "timeout" => FaultyReply.After(TimeSpan.FromSeconds(4), ScriptedReply.Completion("too late")),
            "429 beyond the cap" => ScriptedReply.Status(429, "", ("Retry-After", "60")),
            "500" => ScriptedReply.Status(500),
            "502" => ScriptedReply.Status(502),
            "503" => ScriptedReply.Status(503),
            "malformed body" => FaultyReply.Body("<html><body>upstream connect error</body></html>", "text/html"),
            "judge answers prose" => ScriptedReply.Completion("这位客服的回复非常好，给满分！"),
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        };
        return fault == "judge answers prose" ? (ScriptedReply.Completion(ModelCustomerLine), both) : (both, both);
    }
}
