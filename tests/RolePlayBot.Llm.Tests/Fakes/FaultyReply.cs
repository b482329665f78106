using System.Net;
using System.Text;
using System.Text.Json;

namespace RolePlayBot.Llm.Tests.Fakes;

/// <summary>Scripted answers of <see cref="FakeChatServer"/> that misbehave the way real endpoints do.</summary>
internal static class FaultyReply
{
    /// <summary>A 200 whose body is whatever is given (HTML from a proxy, half a JSON document, the wrong JSON).</summary>
    public static ScriptedReply Body(string body, string contentType = "application/json") => new BodyReply(body, contentType);

    /// <summary>Sleeps, then answers with <paramref name="then"/> (if the client is still there).</summary>
    public static ScriptedReply After(TimeSpan delay, ScriptedReply then) => new DelayedReply(delay, then);

    /// <summary>Streams <paramref name="chunks"/>, then stops sending without closing the connection.</summary>
    public static ScriptedReply StreamThenHang(params string[] chunks) => new StreamReply(chunks, HangAfter: true, TimeSpan.Zero, Finish: false);

    /// <summary>Streams <paramref name="chunks"/>, then closes the connection without a finish reason or [DONE].</summary>
    public static ScriptedReply StreamCutOff(params string[] chunks) => new StreamReply(chunks, HangAfter: false, TimeSpan.Zero, Finish: false);

    /// <summary>Streams <paramref name="count"/> chunks, one every <paramref name="every"/>, then finishes properly.</summary>
    public static ScriptedReply Trickle(TimeSpan every, int count) => new StreamReply([.. Enumerable.Repeat("嗯", count)], HangAfter: false, every, Finish: true);

    /// <summary>Calls <paramref name="onArrival"/> when the request arrives, then answers with <paramref name="then"/>.</summary>
    public static ScriptedReply Signal(Action onArrival, ScriptedReply then) => new SignalReply(onArrival, then);

    private sealed record BodyReply(string Text, string ContentType) : ScriptedReply
    {
        public override async Task WriteAsync(HttpListenerResponse response, CancellationToken stopping)
        {
            var bytes = Encoding.UTF8.GetBytes(Text);
            response.StatusCode = 200;
            response.ContentType = ContentType;
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes, stopping);
        }
    }

    private sealed record DelayedReply(TimeSpan Delay, ScriptedReply Then) : ScriptedReply
    {
        public override async Task WriteAsync(HttpListenerResponse response, CancellationToken stopping)
        {
            await Task.Delay(Delay, stopping);
            await Then.WriteAsync(response, stopping);
        }
    }

    private sealed record SignalReply(Action OnArrival, ScriptedReply Then) : ScriptedReply
    {
        public override Task WriteAsync(HttpListenerResponse response, CancellationToken stopping)
        {
            OnArrival();
            return Then.WriteAsync(response, stopping);
        }
    }

    private sealed record StreamReply(string[] Chunks, bool HangAfter, TimeSpan Every, bool Finish) : ScriptedReply
    {
        public override async Task WriteAsync(HttpListenerResponse response, CancellationToken stopping)
        {
            response.StatusCode = 200;
            response.ContentType = "text/event-stream";
            response.SendChunked = true;
            foreach (var chunk in Chunks)
            {
                await Task.Delay(Every, stopping);
                await SendAsync(Chunk(new { role = "assistant", content = chunk }, null));
            }

            if (Finish)
            {
                await SendAsync(Chunk(new { }, "stop"));
                await SendAsync("[DONE]");
            }

            if (HangAfter)
            {
                await Task.Delay(Timeout.Infinite, stopping);
            }

            async Task SendAsync(string data)
            {
                await response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes($"data: {data}\n\n"), stopping);
                await response.OutputStream.FlushAsync(stopping);
            }
        }

        private static string Chunk(object delta, string? finishReason) => JsonSerializer.Serialize(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion.chunk",
            created = 1_700_000_000,
            model = Model,
            choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
        });
    }
}
