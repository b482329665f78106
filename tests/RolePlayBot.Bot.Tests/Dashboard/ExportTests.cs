using System.Text;
using System.Text.Json;
using static RolePlayBot.Bot.Tests.Dashboard.DashboardSeed;

namespace RolePlayBot.Bot.Tests.Dashboard;

/// <summary>CSV for Excel, JSON and a session's Markdown transcript: the filters apply and 中文 comes through intact.</summary>
public sealed class ExportTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task The_CSV_has_a_BOM_a_header_Chinese_names_and_one_row_per_session()
    {
        var trainer = await factory.SignedInAsync(Trainer, "张老师");
        var response = await trainer.GetAsync("/dashboard/export/sessions.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("sessions.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("session_id,trainee_id,trainee_name,persona_id", lines[0]);
        Assert.Equal(Sessions.Count + 1, lines.Length);
        var a1 = lines.Single(l => l.StartsWith("s-a1,", StringComparison.Ordinal)).Split(',');
        Assert.Equal([TraineeA, NameA, Allergy], a1[1..4]);
        Assert.Equal("2026-03-02 10:00:00", a1[7]);
        Assert.Equal(["escalated", "3", "40", "50", "30", "38"], a1[9..]);
        Assert.EndsWith(",ongoing,1,,,,", lines.Single(l => l.StartsWith("s-a3,", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("?persona=allergy-complaint", "s-a1,s-a3,s-b1")]
    [InlineData("?from=2026-03-03&to=2026-03-05", "s-a2,s-b1")]
    [InlineData("?trainee=trainee-b", "s-b1,s-b2")]
    [InlineData("?trainee=trainee-a&persona=late-delivery", "s-a2")]
    [InlineData("?from=2026-03-10", "s-b2")]
    public async Task Filters_apply_to_both_exports(string query, string expected)
    {
        var trainer = await factory.SignedInAsync(Trainer, "张老师");
        var csv = Encoding.UTF8.GetString((await trainer.GetByteArrayAsync("/dashboard/export/sessions.csv" + query))[3..]);
        var csvIds = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).Order();
        Assert.Equal(expected, string.Join(',', csvIds));

        using var json = JsonDocument.Parse(await trainer.GetStringAsync("/dashboard/export/sessions.json" + query));
        var jsonIds = json.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()).Order();
        Assert.Equal(expected, string.Join(',', jsonIds));
    }

    [Fact]
    public async Task The_JSON_keeps_Chinese_readable_and_the_scorecard_as_an_object()
    {
        var a = await factory.SignedInAsync(TraineeA, NameA);
        var text = await a.GetStringAsync("/dashboard/export/sessions.json");
        Assert.Contains(NameA, text);
        using var json = JsonDocument.Parse(text);
        var a1 = json.RootElement.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "s-a1");
        Assert.Equal(NameA, a1.GetProperty("traineeName").GetString());
        Assert.Equal(38, a1.GetProperty("overall").GetInt32());
        Assert.Equal("escalated", a1.GetProperty("scorecard").GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "s-a3").GetProperty("scorecard").ValueKind);
        Assert.Equal(3, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task The_transcript_is_Markdown_with_every_turn_its_evidence_and_source()
    {
        var trainer = await factory.SignedInAsync(Trainer, "张老师");
        var response = await trainer.GetAsync("/dashboard/sessions/s-a1/transcript.md");
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        var md = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("# 练习记录 Practice transcript · allergy-complaint", md);
        Assert.Contains("- 学员 Trainee: 王小明 (trainee-a)", md);
        Assert.Equal(3, md.Split("\n## 第 ").Length - 1);
        Assert.Contains("> 顾客第1句：我的订单怎么回事？", md);
        Assert.Contains("> 学员第1句回复：非常抱歉，规定就是这样", md);
        Assert.Contains("- ✓ 真诚道歉 (apology) 「非常抱歉」 — rules", md);
        Assert.Contains("- ✗ 态度冷漠 (cold_tone) 「规定就是这样」 — llm", md);
        Assert.Contains("(2026-03-02 10:06:20, 200s)", md);
        Assert.Contains("> 好吧，我再等等。", md);
    }

    [Fact]
    public async Task Markup_in_stored_text_is_escaped_on_pages_and_made_inert_in_Markdown()
    {
        var trainer = await factory.SignedInAsync(Trainer, "张老师");
        var page = await trainer.GetStringAsync("/dashboard/sessions/s-b1");
        Assert.DoesNotContain(Xss, page);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; 语气冷淡", page);
        var md = await trainer.GetStringAsync("/dashboard/sessions/s-b1/transcript.md");
        Assert.DoesNotContain("<script>", md);
    }
}
