using System.Text.Json;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Storage;
using RolePlayBot.Bot.Tests.BotFramework;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Llm.Tests.Fakes;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Tests.Faults;

/// <summary>
/// The real bot process killed in the middle of a turn, restarted on the same SQLite file, and the channel redelivering
/// the same activity: the turn is either whole or absent, there is exactly one of it, and its replies reach the
/// connector. The outbox delivers at least once: a reply whose send was cut off by the kill is sent again.
/// </summary>
public sealed class ProcessKillTests : IAsyncLifetime
{
    private const string Reply = "林女士您好，已收到您的反馈，脸上又红又痒一定很难受，真的非常抱歉。麻烦发一下订单号和照片好吗？";
    private const string CustomerLine = "好吧，订单号是 TB8812，照片我等下发你。";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"rpb-kill-{Guid.NewGuid():n}");
    private readonly string _conversationId = $"conv-{Guid.NewGuid():n}";
    private FakeChatServer _model = null!;
    private FakeConnector _connector = null!;
    private int _ids;

    private string Database => Path.Combine(_folder, "rpb.db");

    private string Key => $"webchat|{_conversationId}";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _model = new FakeChatServer();
        _connector = await FakeConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _model.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Killed_while_the_model_answers_the_turn_is_cleanly_absent_and_the_redelivery_makes_exactly_one()
    {
        var modelCalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _model.Responder = _ => FaultyReply.Signal(() => modelCalled.TrySetResult(), ScriptedReply.Hang());
        var reply = Says(Reply);
        await using (var bot = await BotProcess.StartAsync(Settings()))
        {
            await StartSessionAsync(bot);
            await bot.PostAsync(reply);
            await modelCalled.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await bot.KillAsync();
        }

        var store = Store();
        var session = Assert.Single(await store.SessionsAsync(new SessionQuery()));
        Assert.Empty(await store.TurnsAsync(session.Id));
        Assert.False(await store.IsProcessedAsync(Key, reply.Id!));
        Assert.Equal(["customer"], (await TranscriptAsync(store)).Select(l => l.Speaker));
        Assert.Empty(await store.PendingOutboxAsync(10));

        _model.Responder = Answers;
        await using (var bot = await BotProcess.StartAsync(Settings()))
        {
            await bot.PostAsync(reply);
            await Eventually.HoldsAsync(() => Delivered(CustomerLine) == 1, "the customer's answer reached the connector", context: () => bot.Output);
            await bot.PostAsync(reply);
            await ConfirmQueueDrainedAsync(bot);
        }

        Assert.Equal(1, Delivered(CustomerLine));
        var turn = Assert.Single(await store.TurnsAsync(session.Id));
        Assert.Equal(Reply, turn.TraineeText);
        Assert.Equal(CustomerLine, turn.CustomerReply);
        Assert.Equal("model", turn.CustomerSource);
        var transcript = await TranscriptAsync(store);
        Assert.Equal(["customer", "trainee", "customer"], transcript.Select(l => l.Speaker));
        Assert.Equal([Reply, CustomerLine], transcript.Skip(1).Select(l => l.Text));
    }

    [Fact]
    public async Task Killed_after_the_commit_before_the_send_the_restarted_bot_delivers_the_replies_and_the_redelivery_adds_nothing()
    {
        _model.Responder = Answers;
        var reply = Says(Reply);
        await using (var bot = await BotProcess.StartAsync(Settings()))
        {
            await StartSessionAsync(bot);
            var before = _connector.Calls.Count;
            _connector.HoldWhen = call => Activity(call).Type == ActivityTypes.Message;
            await bot.PostAsync(reply);
            await Eventually.HoldsAsync(() => _connector.Calls.Skip(before).Any(c => Activity(c).Type == ActivityTypes.Message), "the bot began sending the turn's replies", context: () => bot.Output);
            await bot.KillAsync();
        }

        _connector.HoldWhen = null;
        var store = Store();
        var session = Assert.Single(await store.SessionsAsync(new SessionQuery()));
        Assert.Single(await store.TurnsAsync(session.Id));
        Assert.True(await store.IsProcessedAsync(Key, reply.Id!));
        Assert.NotEmpty(await store.PendingOutboxAsync(10));
        Assert.Equal(0, Delivered(CustomerLine));

        await using (var bot = await BotProcess.StartAsync(Settings(("Storage__Outbox__GraceSeconds", "0"), ("Storage__Outbox__IntervalSeconds", "0.2"))))
        {
            await Eventually.HoldsAsync(() => Delivered(CustomerLine) == 1, "the outbox drainer delivered the committed replies", context: () => bot.Output);
            await bot.PostAsync(reply);
            await ConfirmQueueDrainedAsync(bot);
            // The confirming command's own reply is marked sent only after the connector has answered it, so the
            // connector can see it a moment before the mark is stored: wait for the marks, not for the deliveries.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await store.PendingOutboxAsync(10)).Count > 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "replies stayed pending after they were delivered:\n" + bot.Output);
                await Task.Delay(50);
            }
        }

        Assert.Single(await store.TurnsAsync(session.Id));
        Assert.Equal(["customer", "trainee", "customer"], (await TranscriptAsync(store)).Select(l => l.Speaker));
        Assert.Equal(1, Delivered(CustomerLine));
        // The feedback card was on the wire when the process died: the connector saw it then, unanswered, and again from
        // the drainer. That is the outbox's promise: at least once, never lost.
        Assert.Equal(2, _connector.Calls.Count(c => Activity(c).Summary?.StartsWith("点评 · 第 1 轮", StringComparison.Ordinal) == true));
    }

    /// <summary>A command after the redelivery: the conversation's queue is ordered, so its answer means the redelivery was handled.</summary>
    private async Task ConfirmQueueDrainedAsync(BotProcess bot)
    {
        await bot.PostAsync(Says("hint"));
        await Eventually.HoldsAsync(() => _connector.Calls.Any(c => Activity(c).Text?.Contains("💡") == true), "the hint after the redelivery was answered", context: () => bot.Output);
    }

    private async Task StartSessionAsync(BotProcess bot)
    {
        await bot.PostAsync(Says("start allergy-complaint"));
        await Eventually.HoldsAsync(() => _connector.Calls.Count(c => Activity(c).Type == ActivityTypes.Message) >= 2, "the session started", context: () => bot.Output);
    }

    private Dictionary<string, string> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["MicrosoftAppId"] = "",
            ["Storage__Provider"] = "sqlite",
            ["Storage__ConnectionString"] = Database,
            ["Storage__Outbox__IntervalSeconds"] = "0",
            ["Conversations__ChaserIntervalSeconds"] = "0",
            ["Llm__Endpoint"] = _model.OpenAiEndpoint,
            ["Llm__Model"] = "test-model",
            ["Llm__ApiKey"] = "test-key",
            ["Llm__TimeoutSeconds"] = "60",
            ["Llm__CallTimeoutSeconds"] = "60",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    private ITrainingStore Store() => TrainingStoreFactory.Create(new StorageOptions { Provider = "sqlite", ConnectionString = Database });

    private Activity Says(string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = $"in-{Interlocked.Increment(ref _ids)}",
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = "webchat",
        ServiceUrl = _connector.ServiceUrl,
        From = new ChannelAccount { Id = "user-1", Name = "Ada", Role = "user" },
        Recipient = new ChannelAccount { Id = "bot", Name = "RolePlayBot" },
        Conversation = new ConversationAccount { Id = _conversationId, ConversationType = "personal" },
        Locale = "zh-CN",
        Text = text,
    };

    /// <summary>The customer answers; the judge answers a valid verdict that sees nothing.</summary>
    private static ScriptedReply Answers(RecordedRequest request) => ModelCalls.IsJudge(request)
        ? ScriptedReply.Completion(JsonSerializer.Serialize(new
        {
            items = ChecklistItemIds.All.Select(id => new { id, observed = false, evidence = (string?)null }),
            critique = "回复及时。",
            suggested_reply = "您好，马上为您处理。",
            injection_suspected = false,
        }))
        : ScriptedReply.Completion(CustomerLine);

    private int Delivered(string text) => _connector.Calls.Count(c => Activity(c).Text?.Contains(text) == true);

    private static Activity Activity(RecordedCall call) => JsonSerializer.Deserialize<Activity>(call.Body, BotJson.Options)!;

    /// <summary>The running session's transcript as stored in the conversation's state: what a restarted bot continues from.</summary>
    private async Task<List<(string Speaker, string Text)>> TranscriptAsync(ITrainingStore store)
    {
        var state = JsonDocument.Parse(PackedJson.Unpack((await store.FindConversationAsync(Key))!.StateJson)).RootElement;
        return [.. state.GetProperty("session").GetProperty("transcript").EnumerateArray()
            .Select(l => (l.GetProperty("speaker").GetString()!, l.GetProperty("text").GetString()!))];
    }
}
