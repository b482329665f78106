using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

// The .NET model relay for bench/run.sh (target model-relay-dotnet): a bare ASP.NET Core endpoint that takes a Bot
// Framework message, makes the two calls a RolePlayBot model turn makes, at once (the customer, streamed; the judge,
// JSON) against MODEL_URL, and posts the customer's text back to the activity's serviceUrl. No SDK, no storage, no
// prompt, no evaluation: what it adds to a turn beyond the model's time is the floor that the load tool, the loopback
// trips and the runtime set on this machine, measured the same way as RolePlayBot's own time.
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
        var customer = CompleteAsync(new { model = "bench-stub", stream = true, messages }, stream: true);
        var judge = CompleteAsync(new { model = "bench-stub", response_format = new { type = "json_object" }, messages }, stream: false);
        var text = await customer;
        using (JsonDocument.Parse(await judge))
        {
        }

        var reply = JsonSerializer.SerializeToUtf8Bytes(new
        {
            type = "message",
            text,
            replyToId = inbound.Id,
            conversation = new { id = inbound.ConversationId },
            from = inbound.Recipient,
            recipient = inbound.From,
        });
        var url = $"{inbound.ServiceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(inbound.ConversationId)}/activities/{Uri.EscapeDataString(inbound.Id)}";
        using var content = new ByteArrayContent(reply);
        content.Headers.ContentType = json;
        using var response = await http.PostAsync(url, content);
        response.EnsureSuccessStatusCode();
    }
    catch (Exception e)
    {
        Console.Error.WriteLine($"relay failed: {e.Message}");
    }
}

// One Chat Completions call: the judge's JSON content, or the customer's text put together from its streamed deltas.
async Task<string> CompleteAsync(object body, bool stream)
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
        }
    }

    return text.ToString();
}

internal sealed record Inbound(string Id, string Text, string ServiceUrl, string ConversationId, JsonElement Recipient, JsonElement From);
