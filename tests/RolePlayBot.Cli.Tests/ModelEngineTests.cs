using System.Text.Json;
using RolePlayBot.Llm.Tests.Fakes;

namespace RolePlayBot.Cli.Tests;

/// <summary>`rpb` against a loopback server speaking the Chat Completions wire format: the model plays the customer and judges.</summary>
public sealed class ModelEngineTests
{
    private const string ModelCustomerLine = "（模型扮演）你们到底什么时候给我处理？";

    private static string Replies(params string[] lines)
    {
        var path = Path.GetTempFileName();
        File.WriteAllLines(path, lines);
        return path;
    }

    private static Dictionary<string, string> ModelAt(FakeChatServer server) => new()
    {
        ["Llm__Endpoint"] = server.OpenAiEndpoint,
        ["Llm__Model"] = "test-model",
        ["Llm__ApiKey"] = "test-key",
        ["Llm__TimeoutSeconds"] = "5",
        ["Llm__MaxRetries"] = "0",
    };

    private static bool IsJudgeCall(RecordedRequest request) => request.Body.Contains("json_schema", StringComparison.Ordinal);

    [Fact]
    public async Task The_model_plays_the_customer_and_judges_each_reply()
    {
        await using var server = new FakeChatServer
        {
            Responder = request => IsJudgeCall(request)
                ? ScriptedReply.Completion(JudgeAnswers.With([("apology", "非常抱歉")]))
                : ScriptedReply.Completion(ModelCustomerLine),
        };
        var replies = Replies("非常抱歉让您遇到这种情况，已收到您的反馈。", "+40s 非常抱歉，请问您的订单号是多少？");

        var result = await RpbProcess.RunAsync(["practice", "--persona", "allergy-complaint", "--replies", replies, "--json"], environment: ModelAt(server));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Model engine", result.Stderr);
        var session = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("model", session.GetProperty("engine").GetString());
        var turns = session.GetProperty("turns").EnumerateArray().ToList();
        Assert.Equal(2, turns.Count);
        foreach (var turn in turns)
        {
            Assert.Equal(ModelCustomerLine, turn.GetProperty("customerReply").GetString());
            Assert.Equal("model", turn.GetProperty("customerSource").GetString());
            var apology = turn.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "apology");
            Assert.True(apology.GetProperty("observed").GetBoolean());
            Assert.Equal("llm", apology.GetProperty("source").GetString());
            Assert.Equal("非常抱歉", apology.GetProperty("evidence").GetString());
            Assert.Equal(JudgeAnswers.Critique, turn.GetProperty("critique").GetString());
        }

        Assert.Equal(4, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("Bearer test-key", r.Header("Authorization")));
    }

    [Fact]
    public async Task A_failing_model_endpoint_falls_back_to_the_offline_engine_without_losing_the_transcript()
    {
        await using var server = new FakeChatServer { Default = ScriptedReply.Status(503, "down") };
        var replies = Replies("亲，非常抱歉，已收到您的反馈。", "请问您的订单号是多少？", "我给您全额退款。");

        var result = await RpbProcess.RunAsync(["practice", "--persona", "allergy-complaint", "--replies", replies, "--json"], environment: ModelAt(server));

        Assert.True(result.ExitCode == 0, result.Stderr);
        var session = JsonDocument.Parse(result.Stdout).RootElement;
        var turns = session.GetProperty("turns").EnumerateArray().ToList();
        Assert.Equal(3, turns.Count);
        Assert.Equal(["亲，非常抱歉，已收到您的反馈。", "请问您的订单号是多少？", "我给您全额退款。"], turns.Select(t => t.GetProperty("trainee").GetString()));
        foreach (var turn in turns)
        {
            Assert.Equal("fallback", turn.GetProperty("customerSource").GetString());
            Assert.Equal("fallback", turn.GetProperty("judge").GetString());
            Assert.False(string.IsNullOrWhiteSpace(turn.GetProperty("customerReply").GetString()));
            Assert.All(turn.GetProperty("items").EnumerateArray(), i => Assert.Equal("rules", i.GetProperty("source").GetString()));
            Assert.NotEmpty(turn.GetProperty("diagnostics").EnumerateArray());
        }
    }

    [Fact]
    public async Task Batch_evaluation_uses_the_judge_and_drops_a_fabricated_quote()
    {
        await using var server = new FakeChatServer
        {
            Responder = _ => ScriptedReply.Completion(JudgeAnswers.With([("apology", "非常抱歉"), ("perspective_taking", "换作是我也会着急")])),
        };
        var input = Path.GetTempFileName();
        await File.WriteAllLinesAsync(input, ["""{"id":"m1","locale":"zh-CN","customer":"怎么还没到？","reply":"非常抱歉，我马上帮您查。"}"""]);

        var result = await RpbProcess.RunAsync(["evaluate", "--input", input], environment: ModelAt(server));

        Assert.True(result.ExitCode == 0, result.Stderr);
        var line = JsonDocument.Parse(result.Stdout.Trim()).RootElement;
        var items = line.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal("llm", items["apology"].GetProperty("source").GetString());
        Assert.Equal("model", line.GetProperty("judge").GetString());
        Assert.DoesNotContain("rules alone", result.Stderr, StringComparison.Ordinal);
        Assert.True(items["apology"].GetProperty("observed").GetBoolean());
        Assert.False(items["perspective_taking"].GetProperty("observed").GetBoolean());
        Assert.Contains(line.GetProperty("diagnostics").EnumerateArray(), d => d.GetString()!.Contains("perspective_taking", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_batch_whose_model_fails_says_which_lines_the_rules_alone_judged_and_when_the_circuit_opened()
    {
        await using var server = new FakeChatServer { Default = ScriptedReply.Status(503, "down") };
        var input = Path.GetTempFileName();
        await File.WriteAllLinesAsync(input, Enumerable.Range(1, 6).Select(i => $$"""{"id":"f{{i}}","locale":"zh-CN","customer":"怎么还没到？","reply":"非常抱歉，我马上帮您查。"}"""));
        var environment = ModelAt(server);
        environment["Llm__CircuitBreakerFailures"] = "2";

        var result = await RpbProcess.RunAsync(["evaluate", "--input", input], environment: environment);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(6, lines.Count);
        Assert.All(lines, l => Assert.Equal("fallback", l.GetProperty("judge").GetString()));
        Assert.Contains("6 of them judged by the rules alone", result.Stderr, StringComparison.Ordinal);
        // The breaker opened after two failures: the operator reads that in the log, and the later lines never waited on the model.
        Assert.Contains("model: the model endpoint failed 2 times in a row", result.Stderr, StringComparison.Ordinal);
        Assert.True(server.Requests.Count < 6, $"the model was called {server.Requests.Count} times");
    }
}
