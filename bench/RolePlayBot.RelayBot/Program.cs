using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

// The .NET model relay for bench/run.sh (target model-relay-dotnet): a bare ASP.NET Core endpoint that takes a Bot
// Framework message, makes the two calls a RolePlayBot model turn makes, at once (the customer, streamed; the judge,
// JSON) against MODEL_URL, and posts the customer's text back to the activity's serviceUrl. No SDK, no storage, no
// prompt, no evaluation: what it adds to a turn beyond the model's time is the floor that the load tool, the loopback
// trips and the runtime set on this machine, measured the same way as RolePlayBot's own time.
// With RELAY_STREAM=1 (target model-relay-dotnet-stream) it also sends what RolePlayBot sends a Teams 1:1 chat per
// turn: a typing indicator at once, the customer's text as a livestream while it arrives (a chunk at the first text,
// the next no sooner than a second after the previous one returned), a card with the judge's answer, then the final
// message closing the stream: the floor for a bot that streams and gives feedback, still with no storage or prompt.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var model = new Uri(app.Configuration["MODEL_URL"] ?? throw new InvalidOperationException("MODEL_URL is not set"));
var http = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = int.MaxValue,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    UseProxy = false,
    AutomaticDecompression = DecompressionMethods.None,
});
var json = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
var streaming = app.Configuration["RELAY_STREAM"] == "1";
Livestream.Interval = TimeSpan.FromSeconds(1);
Livestream.Send = (inbound, activity) => SendAsync<object>(inbound, activity);

app.MapGet("/", () => "model relay");
app.MapPost("/api/messages", async (HttpContext context) =>
{
    using var document = await JsonDocument.ParseAsync(context.Request.Body);
    var activity = document.RootElement;
    if (!activity.TryGetProperty("type", out var type) || !type.ValueEquals("message"))
    {
        return Results.Ok();
    }

    var inbound = new Inbound(
        activity.GetProperty("id").GetString()!,
        activity.GetProperty("text").GetString() ?? "",
        activity.GetProperty("serviceUrl").GetString()!,
        activity.GetProperty("conversation").GetProperty("id").GetString()!,
        activity.GetProperty("recipient").Clone(),
        activity.GetProperty("from").Clone());
    // Answered at once; the turn goes on (as a Teams bot must answer within 15 s whatever the model takes).
    _ = RelayAsync(inbound);
    return Results.Ok();
});

app.Run();

async Task RelayAsync(Inbound inbound)
{
    try
    {
        var messages = new object[]
        {
            new { role = "system", content = "You are a customer of an online shop." },
            new { role = "user", content = inbound.Text },
        };
        var typing = streaming ? SendAsync(inbound, new { type = "typing" }) : Task.FromResult<string?>(null);
        var stream = streaming ? new Livestream(inbound, typing) : null;
        var customer = CompleteAsync(new { model = "bench-stub", stream = true, messages }, stream: true, stream);
        var judge = CompleteAsync(new { model = "bench-stub", response_format = new { type = "json_object" }, messages }, stream: false);
        var text = await customer;
        var verdict = await judge;
        using (JsonDocument.Parse(verdict))
        {
        }

        if (stream is null)
        {
            await SendAsync(inbound, new { type = "message", text });
            return;
        }

        var streamId = await stream.StopAsync();
        await SendAsync(inbound, new
        {
            type = "message",
            attachments = new[]
            {
                new
                {
                    contentType = "application/vnd.microsoft.card.adaptive",
                    content = new
                    {
                        type = "AdaptiveCard",
                        version = "1.5",
                        body = new object[]
                        {
                            new { type = "TextBlock", text = "Feedback", weight = "Bolder", wrap = true },
                            new { type = "TextBlock", text = verdict, wrap = true },
                        },
                    },
                },
            },
        });
        var info = new { type = "streaminfo", streamId, streamType = "final" };
        await SendAsync<object>(inbound, streamId is null
            ? new { type = "message", text }
            : new { type = "message", id = streamId, text, entities = new[] { info }, channelData = new { streamId, streamType = "final" } });
    }
    catch (Exception e)
    {
        Console.Error.WriteLine($"relay failed: {e.Message}");
    }
}

// Posts one activity to the conversation, as a reply to the inbound one; returns the id the connector gave it.
async Task<string?> SendAsync<T>(Inbound inbound, T activity)
{
    var body = JsonSerializer.SerializeToNode(activity)!.AsObject();
    body["replyToId"] = inbound.Id;
    body["conversation"] = new System.Text.Json.Nodes.JsonObject { ["id"] = inbound.ConversationId };
    body["from"] = System.Text.Json.Nodes.JsonNode.Parse(inbound.Recipient.GetRawText());
    body["recipient"] = System.Text.Json.Nodes.JsonNode.Parse(inbound.From.GetRawText());
    var url = $"{inbound.ServiceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(inbound.ConversationId)}/activities/{Uri.EscapeDataString(inbound.Id)}";
    using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
    content.Headers.ContentType = json;
    using var response = await http.PostAsync(url, content);
    response.EnsureSuccessStatusCode();
    using var answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
    return answer.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
}

// One Chat Completions call: the judge's JSON content, or the customer's text put together from its streamed deltas.
async Task<string> CompleteAsync(object body, bool stream, Livestream? livestream = null)
{
    using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
    content.Headers.ContentType = json;
    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(model, "chat/completions")) { Content = content };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "bench-not-a-key");
    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    response.EnsureSuccessStatusCode();
    if (!stream)
    {
        using var answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return answer.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString() ?? "";
    }

    var text = new StringBuilder();
    using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
    while (await reader.ReadLineAsync() is { } line)
    {
        if (!line.StartsWith("data: ", StringComparison.Ordinal) || line == "data: [DONE]")
        {
            continue;
        }

        using var chunk = JsonDocument.Parse(line.AsMemory(6));
        if (chunk.RootElement.GetProperty("choices") is { ValueKind: JsonValueKind.Array } choices && choices.GetArrayLength() > 0
            && choices[0].GetProperty("delta").TryGetProperty("content", out var delta))
        {
            text.Append(delta.GetString());
            livestream?.Report(text.ToString());
        }
    }

    return text.ToString();
}

// The customer's text as a livestream (botframework.md §4.6): one chunk at a time with the whole text so far, the
// first without a stream id (the connector's answer is the id), each later one no sooner than the interval after the
// previous one returned; the text in between is skipped, not queued.
internal sealed class Livestream
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Inbound inbound;
    private readonly Task after;
    private string? newest;
    private string? sent;
    private Task loop = Task.CompletedTask;
    private bool stopped;
    private int sequence;
    private long lastReturned;

    public Livestream(Inbound inbound, Task after)
    {
        this.inbound = inbound;
        this.after = after;
    }

    public string? StreamId { get; private set; }

    public static Func<Inbound, object, Task<string?>> Send { get; set; } = null!;

    public static TimeSpan Interval { get; set; }

    public void Report(string text)
    {
        lock (gate)
        {
            newest = text;
            if (loop.IsCompleted && !stopped)
            {
                loop = PumpAsync();
            }
        }
    }

    public async Task<string?> StopAsync()
    {
        Task running;
        lock (gate)
        {
            stopped = true;
            running = loop;
        }

        // A chunk on its way is waited for (the final must not overtake it); the pause after one is not.
        await stop.CancelAsync();
        await running;
        return StreamId;
    }

    private async Task PumpAsync()
    {
        await after;
        while (true)
        {
            var wait = lastReturned == 0 ? TimeSpan.Zero : Interval - System.Diagnostics.Stopwatch.GetElapsedTime(lastReturned);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            string text;
            lock (gate)
            {
                if (stopped || newest is null || newest == sent)
                {
                    loop = Task.CompletedTask;
                    return;
                }

                text = newest;
            }

            sequence++;
            var info = new { type = "streaminfo", streamId = StreamId, streamType = "streaming", streamSequence = sequence };
            var id = await Send(inbound, StreamId is null
                ? new { type = "typing", text, entities = new[] { info }, channelData = new { streamType = "streaming", streamSequence = sequence } }
                : new { type = "typing", id = StreamId, text, entities = new[] { info }, channelData = new { streamId = StreamId, streamType = "streaming", streamSequence = sequence } });
            StreamId ??= id;
            sent = text;
            lastReturned = System.Diagnostics.Stopwatch.GetTimestamp();
        }
    }
}

internal sealed record Inbound(string Id, string Text, string ServiceUrl, string ConversationId, JsonElement Recipient, JsonElement From);
