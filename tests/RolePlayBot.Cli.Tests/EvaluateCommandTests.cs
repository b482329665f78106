using System.Text.Json;

namespace RolePlayBot.Cli.Tests;

public sealed class EvaluateCommandTests
{
    [Fact]
    public async Task Each_line_gets_a_verdict_and_a_bad_line_gets_an_error_naming_it()
    {
        var input = Path.GetTempFileName();
        await File.WriteAllLinesAsync(input,
        [
            """{"id":"a1","locale":"zh-CN","customer":"我的快递三天了还没到！","reply":"快递那边的问题我们也管不了，您自己联系一下吧。"}""",
            """{"id":"a2","locale":"zh-CN" this is not json""",
            """{"id":"a3","locale":"en","customer":"My order is late!","reply":"I can see why you're upset. I've refunded the $12 shipping fee and I'll email you the new slot by 5 pm today."}""",
            """{"id":"a4","locale":"zh-CN","customer":"怎么还没到","reply":"亲，已收到，10分钟内给您答复。","persona":"allergy-complaint"}""",
            """{"id":"a5","locale":"zh-CN","customer":"?"}""",
            """{"id":"a6","locale":"zh-CN","customer":"?","reply":"好的","persona":"nobody"}""",
        ]);

        var result = await RpbProcess.RunAsync(["evaluate", "--input", input]);

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(6, lines.Count);
        Assert.Equal(1, result.ExitCode);

        var blame = lines[0];
        Assert.Equal("a1", blame.GetProperty("id").GetString());
        Assert.Equal(13, blame.GetProperty("items").GetArrayLength());
        var observed = blame.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("observed").GetBoolean()).Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Contains("blame_shifting", observed);
        Assert.Contains("cold_tone", observed);
        Assert.False(string.IsNullOrWhiteSpace(blame.GetProperty("critique").GetString()));
        Assert.True(blame.GetProperty("scores").TryGetProperty("emotion", out _));

        Assert.Equal(2, lines[1].GetProperty("line").GetInt32());
        Assert.Contains("JSON", lines[1].GetProperty("error").GetString());

        var english = lines[2].GetProperty("items").EnumerateArray().Where(i => i.GetProperty("observed").GetBoolean()).Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Contains("acknowledge_emotion", english);
        Assert.Contains("time_commitment", english);

        Assert.Equal("a4", lines[3].GetProperty("id").GetString());
        Assert.Equal(5, lines[4].GetProperty("line").GetInt32());
        Assert.Contains("reply", lines[4].GetProperty("error").GetString());
        Assert.Contains("unknown persona 'nobody'", lines[5].GetProperty("error").GetString());
        Assert.Contains("3 evaluated, 3 bad line(s)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thousands_of_lines_are_all_evaluated_in_order()
    {
        var input = Path.GetTempFileName();
        var replies = new[] { "亲，非常抱歉，已为您申请全额退款189元，24小时内原路退回。", "哦", "I'm sorry, that's on us. I'll call you back within 30 minutes." };
        await File.WriteAllLinesAsync(input, Enumerable.Range(0, 3000).Select(i =>
            JsonSerializer.Serialize(new { id = $"r{i}", locale = i % 3 == 2 ? "en" : "zh-CN", customer = "?", reply = replies[i % 3] })));

        var result = await RpbProcess.RunAsync(["evaluate", "--input", input]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var ids = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => $"r{i}"), ids);
    }
}
