namespace RolePlayBot.Bot.Tests.Conversations;

/// <summary>A session that would never end is ended at the configured number of replies, with the scorecard.</summary>
public sealed class TurnLimitTests
{
    [Fact]
    public async Task The_reply_that_reaches_the_limit_ends_the_session_with_a_note_and_the_scorecard()
    {
        using var chat = new ChatHarness(settings: new() { ["Conversations:MaxTurnsPerSession"] = "2" });
        await chat.SayAsync("开始 allergy-complaint");
        // A good agent takes more than two replies to settle this customer, so only the limit can end it here.
        var good = AgentScripts.Lines("allergy-complaint", "zh-CN", "good");

        chat.Time.Advance(TimeSpan.FromSeconds(15));
        var first = await chat.SayAsync(good[0]);
        Assert.DoesNotContain(Sent.Cards(first), c => Sent.CardText(c).Contains("成绩单"));
        Assert.DoesNotContain(Sent.Texts(first), t => t.Contains("上限"));

        chat.Time.Advance(TimeSpan.FromSeconds(15));
        var second = await chat.SayAsync(good[1]);

        Assert.Contains(Sent.Texts(second), t => t.Contains("本次练习已达 2 轮上限"));
        var scorecard = Sent.Cards(second).Single(c => Sent.CardText(c).Contains("成绩单"));
        Assert.Contains("轮数\n2\n", Sent.CardText(scorecard));
        // The bot ended it, not the trainee: the scorecard and the record say so.
        Assert.Contains("达到轮数上限", Sent.CardText(scorecard));
        Assert.DoesNotContain("由你结束", Sent.CardText(scorecard));
        var after = await chat.SayAsync(good[2]);
        Assert.Contains("没有进行中的练习", Assert.Single(Sent.Texts(after)));
    }

    [Fact]
    public void An_unusable_limit_stops_the_host_at_start_with_the_setting_named()
    {
        var error = Support.StartFailure.Of(new() { ["MicrosoftAppId"] = "", ["Conversations:MaxTurnsPerSession"] = "0" });

        Assert.Contains("Conversations:MaxTurnsPerSession", error.Message);
    }
}
