using System.Text.Json;
using RolePlayBot.Llm.Tests.Fakes;

namespace RolePlayBot.Bot.Tests.Streaming;

/// <summary>
/// A loopback Chat Completions server that writes the customer's answer slowly, SSE chunk by chunk as a model does,
/// and judges every reply at once; with the bot settings that put the bot in model mode against it.
/// </summary>
internal sealed class StreamingModel : IAsyncDisposable
{
    public const string Reply = "林女士您好，已收到您的反馈，真的非常抱歉让您脸上过敏。麻烦发一下订单号和照片好吗？";

    /// <summary>About 1.3 s of writing: several stream chunks at the test's pace.</summary>
    public static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(130);

    public static readonly string[] Chunks = ["好吧，", "订单号是", "2026111803217，", "照片", "我马上", "发给你。", "可是我的脸", "到现在", "还又红又痒，", "你们打算怎么处理？"];

    public FakeChatServer Server { get; } = new();

    /// <summary>The whole answer the customer writes.</summary>
    public static string Answer => string.Concat(Chunks);

    /// <summary>
    /// How the customer's calls are answered: by default a streamed call gets <see cref="Chunks"/>, <see cref="Gap"/>
    /// apart, and a plain one the same answer at once.
    /// </summary>
    public Func<RecordedRequest, ScriptedReply> Customer { get; set; } = request =>
        IsStreamed(request) ? ScriptedReply.SlowStream(Gap, Chunks) : ScriptedReply.Completion(Answer);

    public StreamingModel() =>
        Server.Responder = request => IsJudgeCall(request)
            ? ScriptedReply.Completion(JudgeAnswers.With([("apology", "非常抱歉")]))
            : Customer(request);

    /// <summary>Bot settings: model mode against this server, auth as given, chasers off, quick stream pacing.</summary>
    public Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Endpoint"] = Server.OpenAiEndpoint,
            ["Llm:Model"] = ScriptedReply.Model,
            ["Llm:ApiKey"] = "test-key",
            ["Llm:TimeoutSeconds"] = "20",
            ["Llm:MaxRetries"] = "0",
            ["Conversations:ChaserIntervalSeconds"] = "0",
            ["Conversations:TeamsStreamIntervalSeconds"] = "0.2",
            ["Conversations:WebChatStreamIntervalSeconds"] = "0.1",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The customer's calls that streamed (the judge's never do).</summary>
    public int StreamedCustomerCalls => Server.Requests.Count(r => !IsJudgeCall(r) && IsStreamed(r));

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    public static bool IsJudgeCall(RecordedRequest request) => request.Body.Contains("json_schema", StringComparison.Ordinal);

    public static bool IsStreamed(RecordedRequest request) =>
        request.Json.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True;
}
