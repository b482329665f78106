using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RolePlayBot.LoadTest;

/// <summary>
/// An OpenAI-compatible Chat Completions server on 127.0.0.1 that answers every call after a fixed latency: the judge
/// (a call with a response_format) gets a valid verdict observing nothing, the customer a short line, as JSON or, when
/// the call asks to stream, as Server-Sent Events; every answer reports token usage. It counts calls and the most that
/// were in flight at once, which shows whether a turn's customer and judge calls overlap. Its pacing runs against
/// deadlines from the call's arrival (a late timer never adds up over the chunks), and it records when each call
/// arrived and when its answer was complete, with the trainee whose reply it carries (<see cref="Trainee.Tag"/>), so
/// the bot's own time in a turn can be told from the stub's: on a busy machine the stub's timers run late (a streamed
/// answer by a few milliseconds), and that is not the bot's doing.
/// </summary>
public sealed partial class StubModelServer : IAsyncDisposable
{
    private static readonly string[] Items =
    [
        "acknowledge_receipt", "time_commitment", "concrete_solution", "clear_information", "clarifying_question",
        "acknowledge_emotion", "apology", "perspective_taking", "follow_up_care", "blame_shifting", "cold_tone", "impatience",
        "presumed_bad_faith",
    ];

    private static readonly string Verdict = JsonSerializer.Serialize(new
    {
        items = Items.Select(id => new { id, observed = false, evidence = (string?)null }),
        critique = "（桩模型）回复已收到。",
        suggested_reply = "您好，非常抱歉让您久等了，我马上为您处理。",
        injection_suspected = false,
    });

    /// <summary>A customer's line of usual length: 56 characters, streamed two at a time (about a token each).</summary>
    private const string CustomerLine = "我已经等了三天了，你们到现在也没给我一个说法。孩子吃了你们的饼干就过敏去了医院，这事你们打算怎么负责？我等你回复。";

    private const int CharsPerChunk = 2;

    private readonly WebApplication app;
    private readonly TimeSpan latency;
    private long calls;
    private long streamed;
    private readonly System.Collections.Concurrent.ConcurrentBag<double> answerMs = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, System.Collections.Concurrent.ConcurrentQueue<StubCall>> byTrainee = new();
    private int inFlight;
    private int maxInFlight;

    private StubModelServer(WebApplication app, TimeSpan latency)
    {
        this.app = app;
        this.latency = latency;
    }

    public string Endpoint { get; private set; } = "";

    public TimeSpan Latency => latency;

    public long Calls => Interlocked.Read(ref calls);

    public long Streamed => Interlocked.Read(ref streamed);

    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    /// <summary>How long the answers since the last reset really took, arrival to last byte, in milliseconds.</summary>
    public IReadOnlyList<double> AnswerMs => [.. answerMs];

    /// <summary>Estimated tokens of what the bot sent and got back, with the part a prefix cache would have served.</summary>
    public PromptMeter Prompts { get; } = new();

    public static async Task<StubModelServer> StartAsync(TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new StubModelServer(builder.Build(), latency);
        server.app.Run(server.HandleAsync);
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Endpoint = address + "/v1/";
        return server;
    }

    public void ResetCounters()
    {
        Interlocked.Exchange(ref calls, 0);
        Interlocked.Exchange(ref streamed, 0);
        Volatile.Write(ref maxInFlight, 0);
        answerMs.Clear();
        // The calls per trainee stay: a turn measured after the reset may have sent its calls before it, and each turn
        // looks up only the calls that arrived while it ran.
        Prompts.Reset();
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    /// <summary>The calls since the last reset that carried <paramref name="trainee"/>'s reply and arrived within [from, to] (Stopwatch timestamps).</summary>
    public IReadOnlyList<StubCall> CallsOf(int trainee, long from, long to) =>
        byTrainee.TryGetValue(trainee, out var calls) ? [.. calls.Where(c => c.Arrived >= from && c.Arrived <= to)] : [];

    /// <summary>The trainee whose tag the prompt's last message with one carries (both prompts hold the latest reply).</summary>
    private static int? TraineeOf(JsonElement request)
    {
        int? found = null;
        if (request.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in messages.EnumerateArray())
            {
                if (message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
                    && TagPattern().Matches(content.GetString() ?? "") is { Count: > 0 } tags)
                {
                    found = int.Parse(tags[^1].Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }

        return found;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[bench-t(\d+)\]")]
    private static partial System.Text.RegularExpressions.Regex TagPattern();

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = TimeProvider.System.GetTimestamp();
        using var document = await JsonDocument.ParseAsync(context.Request.Body);
        var root = document.RootElement;
        // The judge asks for JSON; the customer asks for text (or says nothing about the format).
        var judge = root.TryGetProperty("response_format", out var format)
            && !(format.ValueKind == JsonValueKind.Object && format.TryGetProperty("type", out var type) && type.ValueEquals("text"));
        var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var (input, cached) = Prompts.Measure(root);
        Interlocked.Increment(ref calls);
        var now = Interlocked.Increment(ref inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref maxInFlight)) && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            var content = judge ? Verdict : CustomerLine;
            if (stream)
            {
                Interlocked.Increment(ref streamed);
                await StreamAsync(context.Response, content, arrived, input, cached);
            }
            else
            {
                await UntilAsync(arrived, latency);
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(JsonSerializer.Serialize(new
                {
                    id = "chatcmpl-bench",
                    @object = "chat.completion",
                    created = 1_700_000_000,
                    model = "bench-stub",
                    choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
                    usage = Usage(content, input, cached),
                }));
            }

            await context.Response.CompleteAsync();
            var done = TimeProvider.System.GetTimestamp();
            answerMs.Add(TimeProvider.System.GetElapsedTime(arrived, done).TotalMilliseconds);
            if (TraineeOf(root) is { } trainee)
            {
                byTrainee.GetOrAdd(trainee, _ => new()).Enqueue(new StubCall(arrived, done));
            }
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    /// <summary>The first token after a third of the latency, the rest spread over the remainder: done at the latency.</summary>
    private async Task StreamAsync(HttpResponse response, string content, long arrived, int input, int cached)
    {
        response.ContentType = "text/event-stream";
        var pieces = content.Chunk(CharsPerChunk).Select(piece => new string(piece)).ToList();
        var gap = latency * 2 / 3 / Math.Max(1, pieces.Count);
        for (var i = 0; i < pieces.Count; i++)
        {
            await UntilAsync(arrived, (latency / 3) + (gap * i));
            await SendAsync(Chunk(new { role = "assistant", content = pieces[i] }, null));
        }

        await UntilAsync(arrived, latency);
        await SendAsync(Chunk(new { }, "stop"));
        await SendAsync(JsonSerializer.Serialize(new
        {
            id = "chatcmpl-bench",
            @object = "chat.completion.chunk",
            created = 1_700_000_000,
            model = "bench-stub",
            choices = Array.Empty<object>(),
            usage = Usage(content, input, cached),
        }));
        await SendAsync("[DONE]");

        async Task SendAsync(string data)
        {
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes($"data: {data}\n\n"));
            await response.Body.FlushAsync();
        }
    }

    /// <summary>Waits until <paramref name="after"/> past <paramref name="arrived"/>; at once when that has passed.</summary>
    private static Task UntilAsync(long arrived, TimeSpan after)
    {
        var left = after - TimeProvider.System.GetElapsedTime(arrived);
        return left > TimeSpan.Zero ? Task.Delay(left) : Task.CompletedTask;
    }

    private static string Chunk(object delta, string? finishReason) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-bench",
        @object = "chat.completion.chunk",
        created = 1_700_000_000,
        model = "bench-stub",
        choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
    });

    private object Usage(string content, int input, int cached)
    {
        var output = Prompts.CountOutput(content);
        return new
        {
            prompt_tokens = input,
            completion_tokens = output,
            total_tokens = input + output,
            prompt_tokens_details = new { cached_tokens = cached },
        };
    }
}

/// <summary>One call the stub answered: when it arrived and when its answer was complete (Stopwatch timestamps).</summary>
public readonly record struct StubCall(long Arrived, long Done)
{
    public double Ms => TimeProvider.System.GetElapsedTime(Arrived, Done).TotalMilliseconds;
}
