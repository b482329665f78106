using static RolePlayBot.Bot.Tests.Dashboard.DashboardSeed;

namespace RolePlayBot.Bot.Tests.Dashboard;

/// <summary>The charts are drawn from the data: one point or bar per value, with the value on it.</summary>
public sealed class ChartTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task The_mood_chart_has_anger_and_patience_from_the_start_to_the_last_turn()
    {
        var trainer = await factory.SignedInAsync(Trainer, "张老师");
        var svg = Svgs.Chart(await trainer.GetStringAsync("/dashboard/sessions/s-a1"), "mood");

        Assert.Equal("顾客情绪曲线 Customer mood", svg.Title());
        Assert.Equal("4", (string)svg.Attribute("data-points")!);
        Assert.Equal([60, 70, 85, 95], svg.Series("anger").WithClass("circle", "pt").Values());
        Assert.Equal([50, 40, 25, 10], svg.Series("patience").WithClass("circle", "pt").Values());
        Assert.Equal(4, ((string)svg.Series("anger").Elements().First(e => e.Name.LocalName == "polyline").Attribute("points")!).Split(' ').Length);
        Assert.Contains(svg.Descendants(), e => e.Value == "回合 Turn");
    }

    [Fact]
    public async Task The_session_page_shows_the_transcript_critique_evidence_source_and_scorecard()
    {
        var a = await factory.SignedInAsync(TraineeA, NameA);
        var page = await a.GetStringAsync("/dashboard/sessions/s-a1");

        Assert.Equal(3, page.Split("class=\"turn\"").Length - 1);
        Assert.Contains("顾客第2句：我的订单怎么回事？", page);
        Assert.Contains("2026-03-02 10:01:12", page);
        Assert.Contains("200s", page);
        Assert.Contains("「规定就是这样」", page);
        Assert.Contains("<span class=\"source\" title=\"来源 Source\">llm</span>", page);
        Assert.Contains("亲，非常抱歉让您久等了，我20分钟内给您答复。", page);
        Assert.Contains("情绪调控力", page);
        Assert.Contains("给出具体时限", page);
        Assert.Contains("<html lang=\"zh-CN\">", page);
    }

    [Fact]
    public async Task A_turn_the_offline_engine_stood_in_for_says_so_where_its_critique_is_and_only_there()
    {
        var trainer = await factory.SignedInAsync(Trainer, "张老师");
        var page = await trainer.GetStringAsync("/dashboard/sessions/s-a1");

        var turns = page.Split("<article class=\"turn\"")[1..];
        Assert.Equal(3, turns.Length);
        Assert.Contains("这一轮由离线规则点评", turns[1]);
        Assert.Contains("顾客的下一句由离线引擎给出", turns[1]);
        Assert.DoesNotContain("离线", turns[0] + turns[2]);

        var md = await trainer.GetStringAsync("/dashboard/sessions/s-a1/transcript.md");
        var second = md.Split("\n## 第 ")[2];
        Assert.Contains("> ⚠ 模型暂时不可用，这一轮由离线规则点评", second);
        Assert.Contains("顾客的下一句由离线引擎给出", second);
        Assert.Single(md.Split("由离线规则点评")[1..]);
    }

    [Fact]
    public async Task The_progress_chart_has_one_point_per_finished_session_and_dimension()
    {
        var a = await factory.SignedInAsync(TraineeA, NameA);
        var page = await a.GetStringAsync("/dashboard/trainees/trainee-a");
        var svg = Svgs.Chart(page, "dimensions");

        Assert.Equal([40, 70], svg.Series("speed").WithClass("circle", "pt").Values());
        Assert.Equal([50, 80], svg.Series("detail").WithClass("circle", "pt").Values());
        Assert.Equal([30, 75], svg.Series("emotion").WithClass("circle", "pt").Values());

        // cold_tone shows in 2 of A's 6 replies; impatience in 1.
        var missed = Svgs.Chart(page, "missed").WithClass("rect", "bar").ToDictionary(b => (string)b.Attribute("data-key")!, b => (double)b.Attribute("data-value")!);
        Assert.Equal(33, missed["cold_tone"]);
        Assert.Equal(83, missed["time_commitment"]); // shown once in 6 replies
        Assert.DoesNotContain("presumed_bad_faith", missed.Keys);
    }

    [Fact]
    public async Task The_team_view_counts_misses_escalations_and_reply_times()
    {
        var trainer = await factory.SignedInAsync(Trainer, "张老师");
        var page = await trainer.GetStringAsync("/dashboard/team");

        var anti = Svgs.Chart(page, "anti-patterns").WithClass("rect", "bar").ToList();
        Assert.Equal(["cold_tone", "blame_shifting", "impatience", "presumed_bad_faith"], anti.Select(b => (string)b.Attribute("data-key")!));
        Assert.Equal([30, 10, 10, 0], anti.Values());
        Assert.Contains("态度冷漠 Cold tone", page);

        var behaviours = Svgs.Chart(page, "behaviours-missed").WithClass("rect", "bar").ToList();
        Assert.Equal(9, behaviours.Count);
        Assert.Equal(100, (double)behaviours.Single(b => (string)b.Attribute("data-key")! == "clarifying_question").Attribute("data-value")!);
        Assert.Equal(80, (double)behaviours.Single(b => (string)b.Attribute("data-key")! == "apology").Attribute("data-value")!);

        var escalations = Svgs.Chart(page, "escalations").WithClass("rect", "bar").ToList();
        Assert.Equal(Allergy, (string)Assert.Single(escalations).Attribute("data-key")!);
        Assert.Equal([2], escalations.Values());

        var histogram = Svgs.Chart(page, "reply-times");
        Assert.Equal("回复用时分布 Reply-time distribution", histogram.Title());
        Assert.Equal([3, 2, 2, 1, 1, 1], histogram.WithClass("rect", "bar").Values());
        Assert.Equal(TotalTurns, histogram.WithClass("rect", "bar").Values().Sum());
    }

    [Fact]
    public async Task The_team_view_follows_the_filters()
    {
        var trainer = await factory.SignedInAsync(Trainer, "张老师");
        var page = await trainer.GetStringAsync("/dashboard/team?persona=late-delivery");
        Assert.Equal([1, 2, 1, 0, 0, 0], Svgs.Chart(page, "reply-times").WithClass("rect", "bar").Values());
        Assert.Empty(Svgs.Chart(page, "escalations").WithClass("rect", "bar"));
        Assert.Contains("<option value=\"late-delivery\" selected>", page);
    }

    [Fact]
    public async Task The_trainees_list_has_counts_last_practice_and_averages()
    {
        var trainer = await factory.SignedInAsync(Trainer, "张老师");
        var page = await trainer.GetStringAsync("/dashboard");
        var rowA = Row(page, TraineeA);
        Assert.Contains(">王小明</a>", rowA);
        Assert.Contains("<td class=\"num\">3</td>", rowA);
        Assert.Contains("2026-03-09 09:00:00", rowA);
        Assert.Contains("<b>57</b>", rowA); // (38 + 75) / 2, the running session not counted
        Assert.Contains("<b>58</b>", Row(page, TraineeB)); // (28 + 88) / 2

        static string Row(string page, string trainee)
        {
            var start = page.IndexOf($"data-trainee=\"{trainee}\"", StringComparison.Ordinal);
            return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
        }
    }
}
