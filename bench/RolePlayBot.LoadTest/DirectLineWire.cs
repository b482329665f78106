using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace RolePlayBot.LoadTest;

/// <summary>
/// One trainee's Web Chat, as the bundled page drives the embedded Direct Line (botframework.md §5): a token from
/// <c>/webchat/token</c>, a conversation started with it, its WebSocket streamUrl held open, and each message POSTed
/// to <c>/v3/directline/conversations/{id}/activities</c> with a <c>clientActivityID</c>. Everything the bot says,
/// and the echo of the trainee's own message (which carries the id the server gave it), arrives on the socket and is
/// stamped the moment its frame has been read.
/// </summary>
public sealed class DirectLineWire(HttpClient http, Uri bot, string userId) : IAsyncDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource closing = new();
    private Task receiving = Task.CompletedTask;
    private string conversationId = "";
    private string token = "";

    /// <summary>Gets a token, starts the conversation and opens its socket; <paramref name="onActivity"/> gets each activity.</summary>
    public async Task ConnectAsync(Action<ConnectorActivity, long> onActivity, CancellationToken cancellationToken)
    {
        using (var issued = await http.PostAsJsonAsync(new Uri(bot, "/webchat/token"), new { userId }, cancellationToken))
        {
            issued.EnsureSuccessStatusCode();
            using var body = await JsonDocument.ParseAsync(await issued.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            token = body.RootElement.GetProperty("token").GetString()!;
        }

        using var start = new HttpRequestMessage(HttpMethod.Post, new Uri(bot, "/v3/directline/conversations"));
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await http.SendAsync(start, cancellationToken);
        started.EnsureSuccessStatusCode();
        using (var body = await JsonDocument.ParseAsync(await started.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken))
        {
            conversationId = body.RootElement.GetProperty("conversationId").GetString()!;
            token = body.RootElement.GetProperty("token").GetString()!;
            await socket.ConnectAsync(new Uri(body.RootElement.GetProperty("streamUrl").GetString()!), cancellationToken);
        }

        receiving = ReceiveAsync(onActivity, closing.Token);
    }

    /// <summary>Posts the trainee's message; false (with the reason) when the server refused it.</summary>
    public async Task<(bool Ok, string? Error)> PostAsync(PendingTurn turn, string text, string locale, CancellationToken cancellationToken)
    {
        var activity = new
        {
            type = "message",
            from = new { id = userId, name = userId, role = "user" },
            text,
            textFormat = "plain",
            locale,
            channelData = new { clientActivityID = turn.ActivityId },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(bot, $"/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/activities"))
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(activity)),
        };
        request.Content.Headers.ContentType = Json;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return (false, $"Direct Line POST answered {(int)response.StatusCode}");
        }

        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        turn.ServerId ??= body.RootElement.GetProperty("id").GetString();
        return (true, null);
    }

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync();
        try
        {
            await receiving;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closing.
        }

        socket.Dispose();
        closing.Dispose();
    }

    /// <summary>Reads ActivitySet frames ({"activities":[…],"watermark":…}) until the socket or the run closes.</summary>
    private async Task ReceiveAsync(Action<ConnectorActivity, long> onActivity, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (socket.State == WebSocketState.Open)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.GetMemory(8 * 1024), cancellationToken);
                buffer.Advance(result.Count);
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            var arrived = Stopwatch.GetTimestamp();
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (buffer.WrittenCount == 0)
            {
                continue;
            }

            using var set = JsonDocument.Parse(buffer.WrittenMemory);
            if (!set.RootElement.TryGetProperty("activities", out var activities))
            {
                continue;
            }

            foreach (var activity in activities.EnumerateArray())
            {
                onActivity(ConnectorActivity.Parse(JsonSerializer.SerializeToUtf8Bytes(activity)), arrived);
            }
        }
    }
}
