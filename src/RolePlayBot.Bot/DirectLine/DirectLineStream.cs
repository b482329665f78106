using System.Net.WebSockets;
using System.Text;

namespace RolePlayBot.Bot.DirectLine;

/// <summary>
/// The WebSocket behind a streamUrl: replays what the client has not seen, then sends each activity (typing too) as
/// an ActivitySet text frame. One socket per conversation: a new one closes the old with reason "collision".
/// </summary>
internal static class DirectLineStream
{
    public static async Task RunAsync(string conversationId, string? watermark, string? t, HttpContext http, DirectLineAuth auth,
        DirectLineStore store, IHostApplicationLifetime lifetime)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await DirectLineErrors.BadArgument("The streamUrl is a WebSocket.").ExecuteAsync(http);
            return;
        }

        var failure = auth.Check(t, DirectLineToken.StreamScope, conversationId, out _);
        var conversation = store.Find(conversationId);
        if (failure is not null || conversation is null)
        {
            await (failure ?? DirectLineErrors.NotFound(conversationId)).ExecuteAsync(http);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var subscriber = new DirectLineSubscriber();
        conversation.Subscribe(subscriber, DirectLineApi.ParseWatermark(watermark))?.Close("collision");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var reading = ReceiveUntilClosedAsync(socket, stop.Token);
        var writing = WriteFramesAsync(socket, subscriber, stop.Token);
        await Task.WhenAny(reading, writing);
        conversation.Unsubscribe(subscriber);
        if (reading.IsCompleted)
        {
            // The client closed (or the connection dropped): finish the close handshake.
            await stop.CancelAsync();
            await Quietly(writing);
            await Quietly(reading);
            await CloseAsync(socket, null);
            return;
        }

        // Another socket took over, the conversation was forgotten, or the host is stopping: say so, then give the
        // client a moment to answer the close frame.
        await Quietly(writing);
        await CloseAsync(socket, subscriber.CloseReason ?? "server closing");
        await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
        await stop.CancelAsync();
        await Quietly(reading);
    }

    private static async Task WriteFramesAsync(WebSocket socket, DirectLineSubscriber subscriber, CancellationToken cancellationToken)
    {
        await foreach (var frame in subscriber.Frames.ReadAllAsync(cancellationToken))
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, cancellationToken);
        }
    }

    /// <summary>Reads (and ignores) what the client sends, DirectLineJS's empty keep-alive frames, until it closes.</summary>
    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        while (socket.State == WebSocketState.Open)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
        }
    }

    private static async Task CloseAsync(WebSocket socket, string? reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason ?? "", timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client is gone already.
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // Ending the loop is the point.
        }
    }
}
