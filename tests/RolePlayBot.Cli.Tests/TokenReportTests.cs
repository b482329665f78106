using System.Text.Json;
using RolePlayBot.Llm.Tests.Fakes;

namespace RolePlayBot.Cli.Tests;

/// <summary>`rpb practice --json` reports what the model calls cost, per turn and in total, exactly as the server reported it.</summary>
public sealed class TokenReportTests
{
    private static string Replies(params string[] lines)
    {
        var path = Path.GetTempFileName();
        File.WriteAllLines(path, lines);
        return path;
    }

    private static void AssertTokens(JsonElement tokens, long input, long output, long cachedInput, int calls)
    {
        Assert.Equal(input, tokens.GetProperty("input").GetInt64());
        Assert.Equal(output, tokens.GetProperty("output").GetInt64());
        Assert.Equal(cachedInput, tokens.GetProperty("cachedInput").GetInt64());
        Assert.Equal(calls, tokens.GetProperty("calls").GetInt32());
    }

    [Fact]
    public async Task Each_turn_and_the_session_carry_the_tokens_the_server_reported()
    {
        await using var server = new FakeChatServer
        {
            Responder = request => request.Body.Contains("json_schema", StringComparison.Ordinal)
                ? ScriptedReply.Completion(JudgeAnswers.With([("apology", "非常抱歉")]), new FakeUsage(2_304, 412, 2_048))
                : ScriptedReply.Completion("那你们什么时候给我处理？", new FakeUsage(1_210, 38, 1_024)),
        };
        var environment = new Dictionary<string, string>
        {
            ["Llm__Endpoint"] = server.OpenAiEndpoint,
            ["Llm__Model"] = "test-model",
            ["Llm__ApiKey"] = "test-key",
            ["Llm__MaxRetries"] = "0",
        };

        var result = await RpbProcess.RunAsync(
            ["practice", "--persona", "allergy-complaint", "--replies", Replies("非常抱歉，已收到您的反馈。", "非常抱歉，请问您的订单号是多少？"), "--json"],
            environment: environment);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var session = JsonDocument.Parse(result.Stdout).RootElement;
        var turns = session.GetProperty("turns").EnumerateArray().ToList();
        Assert.Equal(2, turns.Count);
        Assert.All(turns, t => AssertTokens(t.GetProperty("tokens"), 3_514, 450, 3_072, 2));
        AssertTokens(session.GetProperty("tokens"), 7_028, 900, 6_144, 4);
        AssertTokens(session.GetProperty("scorecard").GetProperty("tokens"), 7_028, 900, 6_144, 4);
    }

    [Fact]
    public async Task An_offline_session_reports_no_tokens()
    {
        var result = await RpbProcess.RunAsync(["practice", "--persona", "allergy-complaint", "--replies", Replies("非常抱歉，已收到您的反馈。"), "--json"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var session = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(JsonValueKind.Null, session.GetProperty("tokens").ValueKind);
        Assert.Equal(JsonValueKind.Null, session.GetProperty("turns")[0].GetProperty("tokens").ValueKind);
        Assert.Equal(JsonValueKind.Null, session.GetProperty("scorecard").GetProperty("tokens").ValueKind);
    }
}
