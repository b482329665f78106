using System.Net;
using System.Text;
using System.Text.Json;

namespace RolePlayBot.Llm.Tests.Fakes;

/// <summary>One scripted answer of <see cref="FakeChatServer"/>.</summary>
internal abstract record ScriptedReply
{
    public const string Model = "test-model";

    public abstract Task WriteAsync(HttpListenerResponse response, CancellationToken stopping);

    /// <summary>What the fake reports as usage when a test does not say.</summary>
    public static readonly FakeUsage DefaultUsage = new(42, 7, null);

    /// <summary>A normal chat completion whose message content is <paramref name="content"/>.</summary>
    public static ScriptedReply Completion(string content, string finishReason = "stop") => new JsonReply(content, finishReason, DefaultUsage);

    /// <summary>A chat completion that reports <paramref name="usage"/> (with prompt_tokens_details.cached_tokens when given).</summary>
    public static ScriptedReply Completion(string content, FakeUsage usage) => new JsonReply(content, "stop", usage);

    public static ScriptedReply Status(int status, string body = "", params (string Name, string Value)[] headers) => new StatusReply(status, body, headers);

    public static ScriptedReply Stream(params string[] chunks) => new StreamReply(chunks, null);

    /// <summary>A streamed answer whose final chunk reports <paramref name="usage"/>.</summary>
    public static ScriptedReply Stream(FakeUsage usage, params string[] chunks) => new StreamReply(chunks, usage);

    /// <summary>A streamed answer whose chunks are <paramref name="gap"/> apart, as a model writing in real time.</summary>
    public static ScriptedReply SlowStream(TimeSpan gap, params string[] chunks) => new PacedStreamReply(chunks, gap, Breaks: false);

    /// <summary>Streams <paramref name="chunks"/> (<paramref name="gap"/> apart), then drops the connection before the end of the answer.</summary>
    public static ScriptedReply BrokenStream(TimeSpan gap, params string[] chunks) => new PacedStreamReply(chunks, gap, Breaks: true);

    /// <summary>Never answers (until the server stops): for timeouts.</summary>
    public static ScriptedReply Hang() => new HangReply();

    private static async Task WriteBodyAsync(HttpListenerResponse response, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }

    private sealed record JsonReply(string Content, string FinishReason, FakeUsage Usage) : ScriptedReply
    {
        public override Task WriteAsync(HttpListenerResponse response, CancellationToken stopping) =>
            WriteBodyAsync(response, 200, "application/json", JsonSerializer.Serialize(new
            {
                id = "chatcmpl-test",
                @object = "chat.completion",
                created = 1_700_000_000,
                model = Model,
                choices = new[] { new { index = 0, message = new { role = "assistant", content = Content }, finish_reason = FinishReason } },
                usage = Usage.ToWire(),
            }));
    }

    private sealed record StatusReply(int Code, string Body, (string Name, string Value)[] Headers) : ScriptedReply
    {
        public override Task WriteAsync(HttpListenerResponse response, CancellationToken stopping)
        {
            foreach (var (name, value) in Headers)
            {
                response.AddHeader(name, value);
            }
            var body = Body.Length > 0 ? Body : JsonSerializer.Serialize(new { error = new { message = $"status {Code}", type = "test" } });
            return WriteBodyAsync(response, Code, "application/json", body);
        }
    }

    private sealed record StreamReply(string[] Chunks, FakeUsage? Usage) : ScriptedReply
    {
        public override async Task WriteAsync(HttpListenerResponse response, CancellationToken stopping)
        {
            response.StatusCode = 200;
            response.ContentType = "text/event-stream";
            response.SendChunked = true;
            var output = response.OutputStream;
            foreach (var chunk in Chunks)
            {
                await SendAsync(Chunk(new { role = "assistant", content = chunk }, null));
            }
            await SendAsync(Chunk(new { }, "stop"));
            await SendAsync(JsonSerializer.Serialize(new
            {
                id = "chatcmpl-test",
                @object = "chat.completion.chunk",
                created = 1_700_000_000,
                model = Model,
                choices = Array.Empty<object>(),
                usage = (Usage ?? new FakeUsage(42, Chunks.Length, null)).ToWire(),
            }));
            await SendAsync("[DONE]");

            async Task SendAsync(string data)
            {
                await output.WriteAsync(Encoding.UTF8.GetBytes($"data: {data}\n\n"), stopping);
                await output.FlushAsync(stopping);
            }
        }

        public static string Chunk(object delta, string? finishReason) => JsonSerializer.Serialize(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion.chunk",
            created = 1_700_000_000,
            model = Model,
            choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
        });
    }

    private sealed record PacedStreamReply(string[] Chunks, TimeSpan Gap, bool Breaks) : ScriptedReply
    {
        public override async Task WriteAsync(HttpListenerResponse response, CancellationToken stopping)
        {
            response.StatusCode = 200;
            response.ContentType = "text/event-stream";
            if (Breaks)
            {
                // Promise more than is sent: aborting then leaves the client short of the declared length, which it
                // reads as a dropped connection (an aborted chunked response would end cleanly here).
                response.ContentLength64 = 1 << 20;
            }
            else
            {
                response.SendChunked = true;
            }

            var output = response.OutputStream;
            foreach (var chunk in Chunks)
            {
                await SendAsync(StreamReply.Chunk(new { role = "assistant", content = chunk }, null));
                await Task.Delay(Gap, stopping);
            }

            if (Breaks)
            {
                // The server aborts the response: the client sees the connection drop mid-answer.
                throw new IOException("the model's connection dropped mid-stream");
            }

            await SendAsync(StreamReply.Chunk(new { }, "stop"));
            await SendAsync("[DONE]");

            async Task SendAsync(string data)
            {
                await output.WriteAsync(Encoding.UTF8.GetBytes($"data: {data}\n\n"), stopping);
                await output.FlushAsync(stopping);
            }
        }
    }

    private sealed record HangReply : ScriptedReply
    {
        public override Task WriteAsync(HttpListenerResponse response, CancellationToken stopping) =>
            Task.Delay(Timeout.Infinite, stopping);
    }
}
