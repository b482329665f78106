using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using RolePlayBot.Bot.BotFramework;
using RolePlayBot.Bot.Conversations;
using RolePlayBot.Bot.Tests.BotFramework;
using RolePlayBot.Bot.Tests.Persistence;
using RolePlayBot.Llm.Tests.Fakes;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Tests.Streaming;

/// <summary>
/// The model customer's answer in Teams: signed activities to /api/messages, the bot in model mode against a loopback
/// model that writes slowly, and every call the bot makes arriving over HTTP at a loopback connector.
/// </summary>
public sealed class TeamsStreamingTests : IAsyncLifetime
{
    private const string AnswerEnd = "你们打算怎么处理？";

    /// <summary>In the customer's first message, which comes after the start's other messages.</summary>
    private const string OpeningLine = "精华液是不是有问题";

    private readonly TestTokens tokens = new("msteams");
    private readonly StreamingModel model = new();
    private FakeConnector connector = null!;
    private int sequence;

    public async Task InitializeAsync() => connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await connector.DisposeAsync();
        await model.DisposeAsync();
    }

    [Fact]
    public async Task In_a_personal_chat_the_answer_streams_as_growing_typing_chunks_then_one_final_message_equal_to_the_transcript()
    {
        // Teams answers the first chunk with 201 and the id that becomes the stream's, later ones with 202 {}.
        connector.Responder = call => IsStreamChunk(call) is { } chunk
            ? chunk.StreamId is null ? (201, """{"id":"1:stream-abc"}""") : (202, "{}")
            : null;
        using var host = Host();

        var turn = await PracticeOneTurnAsync(host.CreateClient(), "personal", AnswerEnd);

        var chunks = turn.Where(a => Type(a) == "typing" && Text(a).Length > 0).ToList();
        Assert.True(chunks.Count >= 2, $"expected several stream chunks, got {chunks.Count}");
        var metadata = chunks.Select(StreamMetadata.Of).ToList();
        Assert.All(metadata, m => Assert.Equal("streaming", m!.StreamType));
        Assert.Equal(Enumerable.Range(1, chunks.Count), metadata.Select(m => m!.Sequence!.Value));
        Assert.Null(metadata[0]!.StreamId);
        Assert.All(metadata.Skip(1), m => Assert.Equal("1:stream-abc", m!.StreamId));
        Assert.All(chunks.Skip(1), c => Assert.Equal("1:stream-abc", c.GetProperty("id").GetString()));

        var final = Assert.Single(turn, a => Type(a) == "message" && Text(a).Contains(AnswerEnd));
        Assert.Equal(new StreamMetadata("1:stream-abc", "final", null), StreamMetadata.Of(final));
        var shown = chunks.Select(c => Customer(Text(c))).ToList();
        for (var i = 1; i < shown.Count; i++)
        {
            Assert.True(shown[i].Length > shown[i - 1].Length && shown[i].StartsWith(shown[i - 1], StringComparison.Ordinal), $"chunk {i + 1} does not extend chunk {i}: '{shown[i - 1]}' → '{shown[i]}'");
        }

        Assert.StartsWith(shown[^1], Customer(Text(final)), StringComparison.Ordinal);
        Assert.Contains(StreamingModel.Answer, Text(final));
        var stored = await StoredTurnAsync(host);
        Assert.Equal(StreamingModel.Answer, stored.CustomerReply);
        Assert.Equal("model", stored.CustomerSource);
        Assert.Equal(Core.Evaluation.JudgeSources.Model, stored.JudgeSource);

        // One chunk at a time: each went out after the previous one was answered, and the final message after them all.
        var order = turn.Select(a => a.GetRawText()).ToList();
        Assert.True(order.IndexOf(final.GetRawText()) > order.IndexOf(chunks[^1].GetRawText()));
        // The stream's bubble is where the first chunk landed, so the feedback card comes after the customer's message.
        Assert.True(order.IndexOf(turn.Single(IsCard).GetRawText()) > order.IndexOf(final.GetRawText()), "the feedback card should follow the streamed answer");
    }

    [Fact]
    public async Task The_turn_is_committed_while_a_chunk_is_still_on_its_way_and_the_final_message_goes_only_after_it()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connector.Responder = call => IsStreamChunk(call) is { } chunk
            ? chunk.StreamId is null ? (201, """{"id":"1:stream-held"}""") : (202, "{}")
            : null;
        // Every chunk after the first is held by the channel until the test lets it go.
        connector.AnswerAfter = call => IsStreamChunk(call) is { StreamId: not null } ? release.Task : null;
        using var host = Host();
        var client = host.CreateClient();
        await SendAsync(client, "personal", "start allergy-complaint");
        await WaitForAsync(0, sent => sent.Any(a => Type(a) == "message" && Text(a).Contains(OpeningLine)));
        var mark = connector.Calls.Count;

        await SendAsync(client, "personal", StreamingModel.Reply);

        // The model has finished and the turn is stored while the second chunk is still unanswered.
        var store = host.Services.GetRequiredService<ITrainingStore>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await store.SessionsAsync(new SessionQuery())).SingleOrDefault() is not { } session || (await store.TurnsAsync(session.Id)).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the turn was not committed while a chunk was held");
            await Task.Delay(50);
        }

        Assert.Equal(StreamingModel.Answer, (await StoredTurnAsync(host)).CustomerReply);
        await Task.Delay(300);
        Assert.DoesNotContain(connector.Calls.Skip(mark).Select(c => JsonDocument.Parse(c.Body).RootElement), a => Type(a) == "message" && (Text(a).Contains(AnswerEnd) || IsCard(a)));
        release.SetResult();

        var turn = await WaitForAsync(mark, sent => sent.Any(IsCard) && sent.Any(a => Type(a) == "message" && Text(a).Contains(AnswerEnd)));
        var final = Assert.Single(turn, a => Type(a) == "message" && Text(a).Contains(AnswerEnd));
        Assert.Equal(new StreamMetadata("1:stream-held", "final", null), StreamMetadata.Of(final));
        var timeline = connector.Timeline.ToList();
        var held = timeline.FindIndex(e => e.Event == "answered" && IsStreamChunk(e.Call) is { StreamId: not null });
        var finalArrived = timeline.FindIndex(e => e.Event == "arrived" && e.Call.Body == final.GetRawText());
        Assert.True(held >= 0 && finalArrived > held, "the final message overtook the chunk on its way");
    }

    [Theory]
    [InlineData("groupChat", null)]
    [InlineData("channel", null)]
    [InlineData("personal", "false")]
    public async Task Where_streaming_is_not_allowed_the_answer_arrives_as_one_message_with_no_stream(string conversationType, string? streaming)
    {
        using var host = Host(streaming is null ? null : new() { ["Conversations:Streaming"] = streaming });

        var turn = await PracticeOneTurnAsync(host.CreateClient(), conversationType, AnswerEnd);

        Assert.DoesNotContain(turn, a => Type(a) == "typing" && Text(a).Length > 0);
        Assert.All(turn, a => Assert.Null(StreamMetadata.Of(a)));
        var answer = Assert.Single(turn, a => Text(a).Contains(AnswerEnd));
        Assert.Equal("message", Type(answer));
        Assert.Contains(StreamingModel.Answer, Text(answer));
        Assert.Equal(0, model.StreamedCustomerCalls);
    }

    [Theory]
    [InlineData(403, """{"error":{"code":"ContentStreamNotAllowed","message":"Content stream is not allowed"}}""")]
    [InlineData(400, """{"error":{"code":"BadArgument","message":"streaming api is not enabled"}}""")]
    public async Task A_channel_refusing_the_stream_still_gets_the_whole_answer_once_as_a_plain_message(int status, string error)
    {
        connector.Responder = call => IsStreamChunk(call) is not null ? (status, error) : null;
        using var host = Host();

        var turn = await PracticeOneTurnAsync(host.CreateClient(), "personal", AnswerEnd);

        Assert.Single(turn, a => Type(a) == "typing" && Text(a).Length > 0);
        var answer = Assert.Single(turn, a => Type(a) == "message" && Text(a).Contains(AnswerEnd));
        Assert.Null(StreamMetadata.Of(answer));
        Assert.False(answer.TryGetProperty("id", out _));
        Assert.Contains(StreamingModel.Answer, Text(answer));
        Assert.Equal(StreamingModel.Answer, (await StoredTurnAsync(host)).CustomerReply);
    }

    [Fact]
    public async Task A_chunk_failing_mid_answer_stops_the_chunks_and_the_final_message_still_closes_the_bubble_on_screen()
    {
        // The stream began; its second chunk is refused for a reason that does not end the stream on Teams' side.
        var chunksSeen = 0;
        connector.Responder = call => IsStreamChunk(call) is { } chunk
            ? Interlocked.Increment(ref chunksSeen) switch
            {
                1 => (201, """{"id":"1:stream-cut"}"""),
                _ => (400, """{"error":{"code":"BadRequest","message":"Invalid request"}}"""),
            }
            : null;
        using var host = Host();

        var turn = await PracticeOneTurnAsync(host.CreateClient(), "personal", AnswerEnd);

        // No chunk after the refused one, and one message with the whole answer that replaces the half-written bubble.
        Assert.Equal(2, turn.Count(a => Type(a) == "typing" && Text(a).Length > 0));
        var answer = Assert.Single(turn, a => Type(a) == "message" && Text(a).Contains(AnswerEnd));
        Assert.Equal(new StreamMetadata("1:stream-cut", "final", null), StreamMetadata.Of(answer));
        Assert.Contains(StreamingModel.Answer, Text(answer));
        var order = turn.Select(a => a.GetRawText()).ToList();
        Assert.True(order.IndexOf(turn.Single(IsCard).GetRawText()) > order.IndexOf(answer.GetRawText()), "the feedback card should follow the bubble the answer closes");
        Assert.Equal(StreamingModel.Answer, (await StoredTurnAsync(host)).CustomerReply);
    }

    [Fact]
    public async Task A_final_message_the_channel_refuses_is_sent_again_as_an_ordinary_message()
    {
        connector.Responder = call =>
        {
            if (IsStreamChunk(call) is { } chunk)
            {
                return chunk.StreamId is null ? (201, """{"id":"stream-2"}""") : (202, "{}");
            }

            var body = JsonDocument.Parse(call.Body).RootElement;
            return StreamMetadata.FromEntity(body) is { StreamType: "final" }
                ? (403, """{"error":{"code":"ContentStreamNotAllowed","message":"Content stream finished due to exceeded streaming time."}}""")
                : null;
        };
        using var host = Host();

        var turn = await PracticeOneTurnAsync(host.CreateClient(), "personal", AnswerEnd, answerCalls: 2);

        var attempts = turn.Where(a => Type(a) == "message" && Text(a).Contains(AnswerEnd)).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal("final", StreamMetadata.Of(attempts[0])!.StreamType);
        Assert.Null(StreamMetadata.Of(attempts[1]));
        Assert.Equal(Text(attempts[0]), Text(attempts[1]));
    }

    [Fact]
    public async Task A_model_dropping_mid_answer_ends_the_stream_with_the_scripted_customers_whole_message_and_the_note()
    {
        model.Customer = _ => ScriptedReply.BrokenStream(StreamingModel.Gap, "你们", "到底", "什么时候", "才能");
        connector.Responder = call => IsStreamChunk(call) is { } chunk
            ? chunk.StreamId is null ? (201, """{"id":"stream-3"}""") : (202, "{}")
            : null;
        using var host = Host();

        var turn = await PracticeOneTurnAsync(host.CreateClient(), "personal", "离线引擎");

        var chunks = turn.Where(a => Type(a) == "typing" && Text(a).Length > 0).ToList();
        Assert.NotEmpty(chunks);
        Assert.All(chunks, c => Assert.Contains("你们", Text(c)));
        var stored = await StoredTurnAsync(host);
        Assert.Equal("fallback", stored.CustomerSource);
        Assert.DoesNotContain("才能", stored.CustomerReply);
        var final = Assert.Single(turn, a => Type(a) == "message" && StreamMetadata.Of(a) is { StreamType: "final" });
        Assert.Equal("stream-3", StreamMetadata.Of(final)!.StreamId);
        Assert.Contains(BotTexts.Escape(stored.CustomerReply!), Text(final));
        Assert.DoesNotContain("什么时候才能", Text(final));
        var order = turn.Select(a => a.GetRawText()).ToList();
        var note = Assert.Single(turn, a => Text(a).Contains("离线引擎"));
        Assert.True(order.IndexOf(note.GetRawText()) > order.IndexOf(final.GetRawText()), "the fallback note should follow the customer's message");
    }

    [Fact]
    public async Task A_model_stream_that_stops_sending_without_closing_is_given_up_at_the_idle_timeout_and_the_turn_completes_with_the_note()
    {
        model.Customer = _ => FaultyReply.StreamThenHang("你们", "到底");
        connector.Responder = call => IsStreamChunk(call) is { } chunk
            ? chunk.StreamId is null ? (201, """{"id":"stream-4"}""") : (202, "{}")
            : null;
        using var host = Host(new() { ["Llm:StreamIdleTimeoutSeconds"] = "3", ["Llm:TimeoutSeconds"] = "60", ["Llm:CallTimeoutSeconds"] = "60" });

        var started = Stopwatch.GetTimestamp();
        var turn = await PracticeOneTurnAsync(host.CreateClient(), "personal", "离线引擎");

        // Without the idle timeout the turn would wait for the 60 s network timeout (or the 90 s stream limit).
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(25), "the hung stream held the turn");
        var stored = await StoredTurnAsync(host);
        Assert.Equal("fallback", stored.CustomerSource);
        Assert.Equal(StreamingModel.Reply, stored.TraineeText);
        Assert.False(string.IsNullOrWhiteSpace(stored.Critique));
        // Failed twice under load (2026-11-23) with no final stream message; the message says what the channel got.
        var finals = turn.Where(a => Type(a) == "message" && StreamMetadata.Of(a) is { StreamType: "final" }).ToList();
        Assert.True(finals.Count == 1, "expected one final stream message; the channel got:\n"
            + string.Join("\n", connector.Calls.Select(c => c.Body[..Math.Min(300, c.Body.Length)])));
        Assert.Contains(BotTexts.Escape(stored.CustomerReply!), Text(finals[0]));
        Assert.Single(turn, a => Text(a).Contains("离线引擎"));
        Assert.Single(turn, IsCard);
    }

    [Fact]
    public async Task A_turn_run_again_after_a_conflict_ends_the_stream_its_first_attempt_began_with_the_answer_it_keeps()
    {
        // Each stream gets an id of its own, so a second one would show as a second bubble.
        var streams = 0;
        connector.Responder = call => IsStreamChunk(call) is { } chunk
            ? chunk.StreamId is null ? (201, $$"""{"id":"1:stream-{{Interlocked.Increment(ref streams)}}"}""") : (202, "{}")
            : null;
        FailingStore? store = null;
        using var host = Host(services: s => FailingStore.Around(s, made => store = made));
        var client = host.CreateClient();
        await SendAsync(client, "personal", "start allergy-complaint");
        await WaitForAsync(0, sent => sent.Any(a => Type(a) == "message" && Text(a).Contains(OpeningLine)));
        var mark = connector.Calls.Count;

        // Another instance answers in this conversation while the model writes: the first commit of the turn conflicts.
        store!.FailNext = FailingStore.Failure.Conflict;
        await SendAsync(client, "personal", StreamingModel.Reply);
        var turn = await WaitForAsync(mark, sent => sent.Any(IsCard) && sent.Any(a => Type(a) == "message" && Text(a).Contains(AnswerEnd)));

        var chunks = turn.Where(a => Type(a) == "typing" && Text(a).Length > 0).ToList();
        Assert.True(chunks.Count >= 2, $"the first attempt should have streamed, got {chunks.Count} chunks");
        Assert.Equal(1, streams);
        var final = Assert.Single(turn, a => Type(a) == "message" && Text(a).Contains(AnswerEnd));
        Assert.Equal(new StreamMetadata("1:stream-1", "final", null), StreamMetadata.Of(final));
        Assert.Contains(StreamingModel.Answer, Text(final));
        Assert.Single(turn, IsCard);
        Assert.Equal(StreamingModel.Answer, (await StoredTurnAsync(host)).CustomerReply);
        var order = turn.Select(a => a.GetRawText()).ToList();
        Assert.True(order.IndexOf(final.GetRawText()) > order.IndexOf(chunks[^1].GetRawText()), "the final message overtook the stream's last chunk");
    }

    [Fact]
    public async Task A_turn_another_instance_handled_meanwhile_ends_its_stream_with_a_note_and_says_nothing_else()
    {
        var streams = 0;
        connector.Responder = call => IsStreamChunk(call) is { } chunk
            ? chunk.StreamId is null ? (201, $$"""{"id":"1:stream-{{Interlocked.Increment(ref streams)}}"}""") : (202, "{}")
            : null;
        FailingStore? store = null;
        using var host = Host(services: s => FailingStore.Around(s, made => store = made));
        var client = host.CreateClient();
        await SendAsync(client, "personal", "start allergy-complaint");
        await WaitForAsync(0, sent => sent.Any(a => Type(a) == "message" && Text(a).Contains(OpeningLine)));
        var mark = connector.Calls.Count;

        // The channel delivered the activity to another instance too, which committed it first.
        store!.FailNext = FailingStore.Failure.Duplicate;
        await SendAsync(client, "personal", StreamingModel.Reply);
        var note = BotTexts.StreamInterrupted(zh: true);
        var turn = await WaitForAsync(mark, sent => sent.Any(a => Type(a) == "message" && Text(a) == note));

        Assert.True(turn.Count(a => Type(a) == "typing" && Text(a).Length > 0) >= 2, "the answer should have streamed");
        var final = Assert.Single(turn, a => Type(a) == "message");
        Assert.Equal(note, Text(final));
        Assert.Equal(new StreamMetadata("1:stream-1", "final", null), StreamMetadata.Of(final));
        Assert.Equal(1, streams);
        var session = Assert.Single(await host.Services.GetRequiredService<ITrainingStore>().SessionsAsync(new SessionQuery()));
        Assert.Empty(await host.Services.GetRequiredService<ITrainingStore>().TurnsAsync(session.Id));
    }

    [Fact]
    public async Task A_turn_whose_commit_fails_ends_its_stream_with_a_note_and_the_redelivery_answers_in_full()
    {
        var streams = 0;
        connector.Responder = call => IsStreamChunk(call) is { } chunk
            ? chunk.StreamId is null ? (201, $$"""{"id":"1:stream-{{Interlocked.Increment(ref streams)}}"}""") : (202, "{}")
            : null;
        FailingStore? store = null;
        using var host = Host(services: s => FailingStore.Around(s, made => store = made));
        var client = host.CreateClient();
        await SendAsync(client, "personal", "start allergy-complaint");
        await WaitForAsync(0, sent => sent.Any(a => Type(a) == "message" && Text(a).Contains(OpeningLine)));
        var mark = connector.Calls.Count;

        store!.FailNext = FailingStore.Failure.BeforeCommit;
        var id = $"msg-{Interlocked.Increment(ref sequence)}";
        await SendAsync(client, "personal", StreamingModel.Reply, id, expectOk: false);
        var note = BotTexts.StreamInterrupted(zh: true);
        var failed = await WaitForAsync(mark, sent => sent.Any(a => Type(a) == "message" && Text(a) == note) && sent.Count(a => Type(a) == "message") >= 2);
        // The bubble ends with the note, then the bot's usual word on a failed message follows as a message of its own.
        var messages = failed.Where(a => Type(a) == "message").ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal(note, Text(messages[0]));
        Assert.Equal(new StreamMetadata("1:stream-1", "final", null), StreamMetadata.Of(messages[0]));
        Assert.Null(StreamMetadata.Of(messages[1]));

        // The channel delivers the activity again: a new stream, ended by the whole answer.
        mark = connector.Calls.Count;
        await SendAsync(client, "personal", StreamingModel.Reply, id);
        var turn = await WaitForAsync(mark, sent => sent.Any(IsCard) && sent.Any(a => Type(a) == "message" && Text(a).Contains(AnswerEnd)));
        var final = Assert.Single(turn, a => Type(a) == "message" && Text(a).Contains(AnswerEnd));
        Assert.Equal(new StreamMetadata("1:stream-2", "final", null), StreamMetadata.Of(final));
        Assert.Equal(StreamingModel.Answer, (await StoredTurnAsync(host)).CustomerReply);
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("groupChat")]
    public async Task A_bot_stopping_mid_answer_tells_the_trainee_to_send_the_message_again_and_stores_nothing_of_it(string conversationType)
    {
        // The model writes a little and then nothing: the bot is stopped while it waits.
        model.Customer = _ => FaultyReply.StreamThenHang("你们", "到底");
        connector.Responder = call => IsStreamChunk(call) is { } chunk
            ? chunk.StreamId is null ? (201, """{"id":"1:stream-stop"}""") : (202, "{}")
            : null;
        var database = Path.Combine(Path.GetTempPath(), $"rpb-stop-{Guid.NewGuid():N}.db");
        Dictionary<string, string?> settings = new()
        {
            ["Storage:ConnectionString"] = database,
            ["Llm:StreamIdleTimeoutSeconds"] = "60",
            ["Llm:TimeoutSeconds"] = "60",
            ["Llm:CallTimeoutSeconds"] = "60",
        };
        using var host = Host(settings);
        var client = host.CreateClient();
        await SendAsync(client, conversationType, "start allergy-complaint");
        await WaitForAsync(0, sent => sent.Any(a => Type(a) == "message" && Text(a).Contains(OpeningLine)));
        var mark = connector.Calls.Count;
        var customerCalls = model.Server.Requests.Count(r => !StreamingModel.IsJudgeCall(r));

        await SendAsync(client, conversationType, StreamingModel.Reply);
        if (conversationType == "personal")
        {
            await WaitForAsync(mark, sent => sent.Any(a => Type(a) == "typing" && Text(a).Contains("你们")));
        }
        else
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (model.Server.Requests.Count(r => !StreamingModel.IsJudgeCall(r)) == customerCalls)
            {
                Assert.True(DateTime.UtcNow < deadline, "the customer's model call never came");
                await Task.Delay(20);
            }
        }

        host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        var note = BotTexts.TurnInterrupted(zh: true);
        var turn = await WaitForAsync(mark, sent => sent.Any(a => Type(a) == "message" && Text(a) == note));
        var message = Assert.Single(turn, a => Type(a) == "message");
        if (conversationType == "personal")
        {
            // The half-written bubble is closed by the note rather than left as if the customer were still typing.
            Assert.Equal(new StreamMetadata("1:stream-stop", "final", null), StreamMetadata.Of(message));
        }
        else
        {
            Assert.Null(StreamMetadata.Of(message));
        }

        // After the restart nothing of the message is stored, and sent again it makes the one turn.
        model.Customer = request => StreamingModel.IsStreamed(request) ? ScriptedReply.SlowStream(StreamingModel.Gap, StreamingModel.Chunks) : ScriptedReply.Completion(StreamingModel.Answer);
        using var restarted = Host(settings);
        var store = restarted.Services.GetRequiredService<ITrainingStore>();
        var session = Assert.Single(await store.SessionsAsync(new SessionQuery()));
        Assert.Empty(await store.TurnsAsync(session.Id));
        mark = connector.Calls.Count;
        await SendAsync(restarted.CreateClient(), conversationType, StreamingModel.Reply);
        await WaitForAsync(mark, sent => sent.Any(IsCard) && sent.Any(a => Type(a) == "message" && Text(a).Contains(AnswerEnd)));
        Assert.Equal(StreamingModel.Reply, Assert.Single(await store.TurnsAsync(session.Id)).TraineeText);
        SqliteConnection.ClearAllPools();
        File.Delete(database);
    }

    private WebApplicationFactory<Program> Host(Dictionary<string, string?>? more = null, Action<IServiceCollection>? services = null)
    {
        var settings = model.Settings(more);
        settings["MicrosoftAppId"] = TestTokens.AppId;
        settings["MicrosoftAppPassword"] = "not-a-real-secret";
        settings["MicrosoftAppType"] = "MultiTenant";
        return new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
            web.ConfigureTestServices(s =>
            {
                s.AddKeyedSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(
                    BotTokenValidator.MetadataKey, new StaticConfigurationManager<OpenIdConnectConfiguration>(tokens.Configuration));
                s.AddSingleton<IConnectorTokenProvider>(new FakeTokenProvider());
                services?.Invoke(s);
            });
        });
    }

    /// <summary>Starts the allergy customer, answers her once and returns every activity the bot sent for that answer.</summary>
    /// <param name="answerCalls">How many calls carrying the customer's answer to wait for.</param>
    private async Task<IReadOnlyList<JsonElement>> PracticeOneTurnAsync(HttpClient client, string conversationType, string answerContains, int answerCalls = 1)
    {
        await SendAsync(client, conversationType, "start allergy-complaint");
        await WaitForAsync(0, sent => sent.Any(a => Text(a).Contains("精华液")));
        var mark = connector.Calls.Count;
        await SendAsync(client, conversationType, StreamingModel.Reply);
        return await WaitForAsync(mark, sent => sent.Any(IsCard) && sent.Count(a => Type(a) == "message" && Text(a).Contains(answerContains)) >= answerCalls);
    }

    private async Task SendAsync(HttpClient client, string conversationType, string text, string? id = null, bool expectOk = true)
    {
        var activity = JsonNode.Parse(Fixtures.JsonWithServiceUrl("teams-personal-message", connector.ServiceUrl))!.AsObject();
        activity["id"] = id ?? $"msg-{Interlocked.Increment(ref sequence)}";
        activity["timestamp"] = DateTimeOffset.UtcNow.ToString("o");
        activity["text"] = text;
        if (conversationType != "personal")
        {
            // Group chats and channels deliver only messages that @mention the bot.
            activity["conversation"] = new JsonObject
            {
                ["conversationType"] = conversationType,
                ["isGroup"] = true,
                ["tenantId"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
                ["id"] = conversationType == "channel" ? "19:general@thread.tacv2;messageid=1710404467562" : "19:practice-group@thread.v2",
            };
            activity["text"] = "<at>RolePlayBot</at> " + text;
            activity["entities"]!.AsArray().Add(JsonNode.Parse("""{"type":"mention","text":"<at>RolePlayBot</at>","mentioned":{"id":"28:00000000-0000-0000-0000-000000000001","name":"RolePlayBot"}}"""));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", tokens.Mint(connector.ServiceUrl));
        using var response = await client.SendAsync(request);
        if (expectOk)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>Polls the connector's calls after <paramref name="mark"/> until they satisfy <paramref name="done"/>, with a deadline.</summary>
    private async Task<IReadOnlyList<JsonElement>> WaitForAsync(int mark, Func<IReadOnlyList<JsonElement>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var sent = connector.Calls.Skip(mark).Select(c => JsonDocument.Parse(c.Body).RootElement.Clone()).ToList();
            if (done(sent))
            {
                // Anything still on its way (a last typing indicator) is not part of the assertions' order.
                return sent;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the bot did not finish the turn; it sent:\n" + string.Join("\n", sent.Select(a => a.GetRawText()[..Math.Min(300, a.GetRawText().Length)])));
            }

            await Task.Delay(50);
        }
    }

    private static async Task<TurnRecord> StoredTurnAsync(WebApplicationFactory<Program> host)
    {
        var store = host.Services.GetRequiredService<ITrainingStore>();
        var session = Assert.Single(await store.SessionsAsync(new SessionQuery()));
        return Assert.Single(await store.TurnsAsync(session.Id));
    }

    /// <summary>The stream metadata of a typing chunk the bot sent, or null for anything else.</summary>
    private static StreamMetadata? IsStreamChunk(RecordedCall call)
    {
        var activity = JsonDocument.Parse(call.Body).RootElement;
        return Type(activity) == "typing" && StreamMetadata.FromEntity(activity) is { StreamType: "streaming" } metadata ? metadata : null;
    }

    private static string Type(JsonElement activity) => activity.GetProperty("type").GetString()!;

    private static string Text(JsonElement activity) => activity.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "";

    private static bool IsCard(JsonElement activity) => activity.TryGetProperty("attachments", out var attachments) && attachments.GetArrayLength() > 0;

    /// <summary>The customer's words in a customer message ("**name**：words\n\n_mood_").</summary>
    private static string Customer(string text) => text.Split("\n\n")[0];
}
