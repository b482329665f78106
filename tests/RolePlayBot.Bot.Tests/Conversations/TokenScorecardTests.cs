using RolePlayBot.Llm.Tests.Fakes;

namespace RolePlayBot.Bot.Tests.Conversations;

/// <summary>With a model, the scorecard (card and Markdown) says what the session's model calls cost; offline it says nothing.</summary>
public sealed class TokenScorecardTests
{
    private static Dictionary<string, string> ModelAt(FakeChatServer server) => new()
    {
        ["Llm:Endpoint"] = server.OpenAiEndpoint,
        ["Llm:Model"] = "test-model",
        ["Llm:ApiKey"] = "test-key",
        ["Llm:MaxRetries"] = "0",
    };

    [Theory]
    [InlineData("zh-CN", "模型用量：输入 3,514 tokens（缓存 3,072）· 输出 450")]
    [InlineData("en", "Model usage: input 3,514 tokens (3,072 cached) · output 450")]
    public async Task The_scorecard_shows_the_tokens_the_model_server_reported(string locale, string expected)
    {
        await using var server = new FakeChatServer
        {
            Responder = request => request.Body.Contains("json_schema", StringComparison.Ordinal)
                ? ScriptedReply.Completion(JudgeAnswers.With([("apology", "sorry")]), new FakeUsage(2_304, 412, 2_048))
                : ScriptedReply.Completion("So when will you fix it?", new FakeUsage(1_210, 38, 1_024)),
        };
        using var chat = new ChatHarness(locale: locale, settings: ModelAt(server));
        await chat.SayAsync("start allergy-complaint");

        chat.Time.Advance(TimeSpan.FromSeconds(20));
        await chat.SayAsync(AgentScripts.Lines("allergy-complaint", locale, "good")[0]);
        var ended = await chat.SayAsync(locale == "en" ? "end" : "结束");

        Assert.Equal(2, server.Requests.Count);
        Assert.Contains(expected, Sent.CardText(Assert.Single(Sent.Cards(ended))));
        Assert.Contains(expected, Assert.Single(Sent.Texts(ended)));
    }

    [Fact]
    public async Task An_offline_scorecard_has_no_model_usage_line()
    {
        using var chat = new ChatHarness();
        await chat.SayAsync("start allergy-complaint");
        chat.Time.Advance(TimeSpan.FromSeconds(20));
        await chat.SayAsync(AgentScripts.Lines("allergy-complaint", "zh-CN", "good")[0]);

        var ended = await chat.SayAsync("结束");

        Assert.DoesNotContain("模型用量", Sent.CardText(Assert.Single(Sent.Cards(ended))));
        Assert.DoesNotContain("模型用量", Assert.Single(Sent.Texts(ended)));
    }
}
