using System.Text.Json;

namespace RolePlayBot.Cli.Tests;

public sealed class PracticeCommandTests
{
    private static readonly string[] ContractIds =
    [
        "acknowledge_receipt", "time_commitment", "concrete_solution", "clear_information", "clarifying_question",
        "acknowledge_emotion", "apology", "perspective_taking", "follow_up_care",
        "blame_shifting", "cold_tone", "impatience", "presumed_bad_faith",
    ];

    private static string AgentScript(string persona, string locale, string kind) =>
        Path.Combine(RpbProcess.RepoRoot, "tests", "RolePlayBot.Core.Tests", "TestData", "agents", $"{persona}.{locale}.{kind}.txt");

    private static async Task<JsonElement> PracticeJsonAsync(string persona, string locale, string repliesFile)
    {
        var result = await RpbProcess.RunAsync(["practice", "--persona", persona, "--locale", locale, "--replies", repliesFile, "--json"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    [Fact]
    public async Task A_good_agent_resolves_the_allergy_complaint_and_the_json_has_the_whole_session()
    {
        var session = await PracticeJsonAsync("allergy-complaint", "zh-CN", AgentScript("allergy-complaint", "zh-CN", "good"));

        Assert.Equal("resolved", session.GetProperty("outcome").GetString());
        var turns = session.GetProperty("turns").EnumerateArray().ToList();
        Assert.NotEmpty(turns);
        foreach (var turn in turns)
        {
            Assert.False(string.IsNullOrEmpty(turn.GetProperty("customer").GetString()));
            Assert.False(string.IsNullOrEmpty(turn.GetProperty("trainee").GetString()));
            Assert.True(turn.GetProperty("replySeconds").GetDouble() > 0);
            Assert.InRange(turn.GetProperty("moodBefore").GetProperty("anger").GetInt32(), 0, 100);
            Assert.InRange(turn.GetProperty("moodAfter").GetProperty("patience").GetInt32(), 0, 100);
            Assert.Equal(ContractIds, turn.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Take(13));
            Assert.All(turn.GetProperty("itemsObserved").EnumerateArray(), i => Assert.Contains(i.GetString(), ContractIds));
            foreach (var item in turn.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("observed").GetBoolean()))
            {
                Assert.Contains(item.GetProperty("evidence").GetString()!, turn.GetProperty("trainee").GetString()!);
                Assert.Equal("rules", item.GetProperty("source").GetString());
            }
        }

        var card = session.GetProperty("scorecard");
        foreach (var dimension in new[] { "speed", "detail", "emotion" })
        {
            Assert.InRange(card.GetProperty("scores").GetProperty(dimension).GetInt32(), 0, 100);
        }

        Assert.Equal(4, card.GetProperty("emotionViews").GetArrayLength());
        Assert.Equal(turns.Count + 1, card.GetProperty("moodCurve").GetArrayLength());
        Assert.Equal(turns.Count, card.GetProperty("replyTimes").GetArrayLength());
    }

    [Fact]
    public async Task A_bad_agent_makes_the_customer_escalate()
    {
        var session = await PracticeJsonAsync("allergy-complaint", "zh-CN", AgentScript("allergy-complaint", "zh-CN", "bad"));

        Assert.Equal("escalated", session.GetProperty("outcome").GetString());
        var last = session.GetProperty("turns").EnumerateArray().Last();
        Assert.Contains(last.GetProperty("itemsObserved").EnumerateArray().Select(i => i.GetString()), id => id is "blame_shifting" or "cold_tone" or "impatience" or "presumed_bad_faith");
    }

    [Fact]
    public async Task A_simulated_slow_reply_is_measured_and_the_customer_chases()
    {
        var replies = Path.GetTempFileName();
        await File.WriteAllLinesAsync(replies, ["+150s 您好，已收到您的反馈，我马上为您核实。", "+5s 请问您的订单号是多少？"]);

        var session = await PracticeJsonAsync("allergy-complaint", "zh-CN", replies);

        var first = session.GetProperty("turns")[0];
        Assert.Equal(150, first.GetProperty("replySeconds").GetDouble());
        Assert.NotEmpty(first.GetProperty("chasers").EnumerateArray());
        Assert.Contains(first.GetProperty("moodChanges").EnumerateArray(), c => c.GetProperty("cause").GetString() == "waiting");
        Assert.Equal(5, session.GetProperty("turns")[1].GetProperty("replySeconds").GetDouble());
    }

    [Fact]
    public async Task An_english_session_speaks_english()
    {
        var session = await PracticeJsonAsync("allergy-complaint", "en", AgentScript("allergy-complaint", "en", "good"));

        Assert.Equal("en", session.GetProperty("persona").GetProperty("locale").GetString());
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", session.GetProperty("opening").GetString()!);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", session.GetProperty("turns")[0].GetProperty("critique").GetString()!);
    }

    [Fact]
    public async Task Without_a_model_the_offline_engine_is_announced_once()
    {
        var result = await RpbProcess.RunAsync(["practice", "--persona", "allergy-complaint", "--replies", AgentScript("allergy-complaint", "zh-CN", "good"), "--json"]);

        Assert.Equal(1, result.Stderr.Split('\n').Count(l => l.Contains("offline", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task An_unknown_persona_is_a_clear_error()
    {
        var result = await RpbProcess.RunAsync(["practice", "--persona", "no-such-customer", "--replies", AgentScript("allergy-complaint", "zh-CN", "good"), "--json"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown persona 'no-such-customer'", result.Stderr);
        Assert.Contains("allergy-complaint", result.Stderr);
    }

    [Fact]
    public async Task Interactive_practice_answers_hint_feedback_and_end_with_a_scorecard()
    {
        var input = string.Join('\n', "/hint", "亲，非常抱歉让您过敏了，已收到您的反馈，请问您的订单号是多少？", "/end", "");

        var result = await RpbProcess.RunAsync(["practice", "--persona", "allergy-complaint"], stdin: input);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("客户真正在意的是", result.Stdout);   // the hint
        Assert.Contains("点评", result.Stdout);               // feedback after the reply
        Assert.Contains("「", result.Stdout);                 // quoting the reply
        Assert.Contains("成绩单", result.Stdout);
        Assert.Contains("由你结束", result.Stdout);
        Assert.Contains("用了 1 次提示", result.Stdout);
    }
}
