using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using RolePlayBot.Bot.Tests.DirectLine;

namespace RolePlayBot.Bot.Tests.Streaming;

/// <summary>
/// The model customer's answer in Web Chat's transport: the embedded Direct Line, read as DirectLineJS reads it —
/// over the WebSocket (which gets typing activities, so the answer streams) and by polling (which never does).
/// </summary>
public sealed class DirectLineStreamingTests : IAsyncLifetime
{
    private const string AnswerEnd = "你们打算怎么处理？";

    private readonly StreamingModel model = new();
    private WebApplicationFactory<Program> host = null!;

    public Task InitializeAsync()
    {
        var settings = model.Settings(new() { ["MicrosoftAppId"] = "" });
        host = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await model.DisposeAsync();
    }

    [Fact]
    public async Task Over_the_websocket_the_answer_streams_as_typing_chunks_with_ids_then_the_final_message()
    {
        var client = new DirectLineClient(host.CreateClient());
        var conversation = await client.StartAsync();
        using var socket = await host.Server.CreateWebSocketClient().ConnectAsync(new Uri(conversation.StreamUrl), CancellationToken.None);
        var received = new List<JsonElement>();

        await client.PostAsync(conversation, DirectLineClient.Message("start allergy-complaint", "c1"));
        await ReceiveUntilAsync(socket, received, all => all.Any(a => Text(a).Contains("精华液")));
        var mark = received.Count;
        await client.PostAsync(conversation, DirectLineClient.Message(StreamingModel.Reply, "c2"));
        await ReceiveUntilAsync(socket, received, all => all.Skip(mark).Any(IsCard) && all.Skip(mark).Any(a => Type(a) == "message" && Text(a).Contains(AnswerEnd)));

        var turn = received.Skip(mark).ToList();
        var chunks = turn.Where(a => Type(a) == "typing" && Text(a).Length > 0).ToList();
        Assert.True(chunks.Count >= 2, $"expected several stream chunks, got {chunks.Count}");
        var ids = chunks.Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var metadata = chunks.Select(StreamMetadata.Of).ToList();
        Assert.Equal(Enumerable.Range(1, chunks.Count), metadata.Select(m => m!.Sequence!.Value));
        Assert.Null(metadata[0]!.StreamId);
        Assert.All(metadata.Skip(1), m => Assert.Equal(ids[0], m!.StreamId));
        Assert.All(chunks, c => Assert.Equal("bot", c.GetProperty("from").GetProperty("role").GetString()));

        var final = Assert.Single(turn, a => Type(a) == "message" && Text(a).Contains(AnswerEnd));
        Assert.Equal(new StreamMetadata(ids[0], "final", null), StreamMetadata.Of(final));
        Assert.Contains(StreamingModel.Answer, Text(final));
        Assert.True(turn.IndexOf(turn.Single(IsCard)) > turn.IndexOf(final), "the feedback card should follow the streamed answer");

        // Typing is never kept: a client resuming by polling gets the final message only, whole.
        var history = (await client.PollAsync(conversation)).GetProperty("activities").EnumerateArray().ToList();
        Assert.DoesNotContain(history, a => Type(a) == "typing");
        Assert.Contains(history, a => Text(a) == Text(final));
    }

    [Fact]
    public async Task A_polling_client_gets_the_answer_as_one_ordinary_message()
    {
        var client = new DirectLineClient(host.CreateClient());
        var conversation = await client.StartAsync();

        await client.PostAsync(conversation, DirectLineClient.Message("start allergy-complaint", "p1"));
        await PollUntilAsync(client, conversation, all => all.Any(a => Text(a).Contains("精华液")));
        await client.PostAsync(conversation, DirectLineClient.Message(StreamingModel.Reply, "p2"));
        var history = await PollUntilAsync(client, conversation, all => all.Any(IsCard) && all.Any(a => Text(a).Contains(AnswerEnd)));

        var answer = Assert.Single(history, a => Text(a).Contains(AnswerEnd));
        Assert.Null(StreamMetadata.Of(answer));
        Assert.Contains(StreamingModel.Answer, Text(answer));
        Assert.Equal(0, model.StreamedCustomerCalls);
        Assert.True(history.IndexOf(answer) > history.IndexOf(history.Last(IsCard)), "unstreamed, the customer's message follows the feedback");
    }

    private static async Task ReceiveUntilAsync(WebSocket socket, List<JsonElement> received, Func<IReadOnlyList<JsonElement>, bool> done)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        while (!done(received))
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, deadline.Token);
                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            var json = Encoding.UTF8.GetString(frame.ToArray());
            if (json.Length == 0)
            {
                continue;
            }

            received.AddRange(JsonDocument.Parse(json).RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone()));
        }
    }

    private static async Task<List<JsonElement>> PollUntilAsync(DirectLineClient client, DirectLineClient.Started conversation, Func<IReadOnlyList<JsonElement>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var all = (await client.PollAsync(conversation)).GetProperty("activities").EnumerateArray().Select(a => a.Clone()).ToList();
            if (done(all))
            {
                return all;
            }

            Assert.True(DateTime.UtcNow < deadline, "the bot did not finish the turn");
            await Task.Delay(100);
        }
    }

    private static string Type(JsonElement activity) => activity.GetProperty("type").GetString()!;

    private static string Text(JsonElement activity) => activity.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "";

    private static bool IsCard(JsonElement activity) => activity.TryGetProperty("attachments", out var attachments) && attachments.GetArrayLength() > 0;
}
