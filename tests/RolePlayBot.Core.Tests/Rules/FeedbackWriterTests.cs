using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Personas;

namespace RolePlayBot.Core.Tests.Rules;

public sealed class FeedbackWriterTests
{
    [Theory]
    [InlineData("快递那边的问题我们也管不了，您自己联系一下吧。", "zh-CN")]
    [InlineData("好的", "zh-CN")]
    [InlineData("理解您的心情，我们会尽快处理的。", "zh-CN")]
    [InlineData("亲，退款我已经帮您提交了，金额 89 元，预计 24 小时内原路退回，到账后我再提醒您一下。", "zh-CN")]
    [InlineData("That's not our problem, contact the courier.", "en")]
    [InlineData("We'll look into it as soon as possible.", "en")]
    public void The_critique_quotes_the_trainees_own_words(string reply, string locale)
    {
        var e = RepoRoot.Evaluator.Evaluate(new EvaluationRequest(reply, "我的快递还没到", locale));
        var quotes = Quotes(e.Critique, locale).ToList();
        Assert.NotEmpty(quotes);
        Assert.All(quotes.Where(q => !q.Contains("分钟", StringComparison.Ordinal) && !q.Contains("minutes", StringComparison.Ordinal)),
            q => Assert.Contains(q, reply, StringComparison.Ordinal));
        var sentences = e.Critique.Count(c => c is '。' or '.');
        Assert.InRange(sentences, 2, 6);
    }

    [Fact]
    public void Anti_patterns_come_first_in_the_critique()
    {
        var e = RepoRoot.Evaluator.Evaluate(new EvaluationRequest("抱歉让您久等，快递的问题我们也管不了。", "快递没到", "zh-CN"));
        Assert.StartsWith("「", e.Critique, StringComparison.Ordinal);
        Assert.Contains("推给了别人", e.Critique.Split('。')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_critique_is_in_the_sessions_language()
    {
        Assert.Contains("还可以补上", RepoRoot.Evaluator.Evaluate(new EvaluationRequest("ok", "", "zh-CN")).Critique, StringComparison.Ordinal);
        Assert.Contains("Still missing", RepoRoot.Evaluator.Evaluate(new EvaluationRequest("好的", "", "en")).Critique, StringComparison.Ordinal);
    }

    [Fact]
    public void The_suggested_reply_uses_the_personas_facts()
    {
        var request = new EvaluationRequest("系统显示已发货。", "生日礼物怎么还没到？", "zh-CN", Persona: LateGift());
        var e = RepoRoot.Evaluator.Evaluate(request);
        Assert.Contains("JD-20260318-7731", e.SuggestedReply, StringComparison.Ordinal);
        Assert.Contains("香薰蜡烛礼盒", e.SuggestedReply, StringComparison.Ordinal);
        Assert.Contains("北京顺义分拨中心", e.SuggestedReply, StringComparison.Ordinal);
        Assert.DoesNotContain("系统显示已发货", e.SuggestedReply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("好的", "我的快递三天了还没到！", "zh-CN")]
    [InlineData("你是不是没看清楚说明？", "衣服尺码不对，穿不上。", "zh-CN")]
    [InlineData("您是不是想白嫖一瓶面霜？", "用了你们的面霜脸上过敏了！", "zh-CN")]
    [InlineData("想白嫖差价？", "刚买就降价了50块。", "zh-CN")]
    [InlineData("Whatever.", "You sent me the wrong color!", "en")]
    [InlineData("Didn't you read the size chart?", "The jacket doesn't fit.", "en")]
    [InlineData("Prices change, that's not our problem.", "The price dropped $20.", "en")]
    public void The_suggested_reply_itself_passes_the_checklist(string reply, string customer, string locale)
    {
        var suggestion = RepoRoot.Evaluator.Evaluate(new EvaluationRequest(reply, customer, locale)).SuggestedReply!;
        var again = RepoRoot.Evaluator.Evaluate(new EvaluationRequest(suggestion, customer, locale));
        Assert.DoesNotContain(again.Items, o => o.Observed && ChecklistItemIds.AntiPatterns.Contains(o.ItemId));
        Assert.True(again.Items.Count(o => o.Observed) >= 5, $"{suggestion} → {string.Join(",", again.Items.Where(o => o.Observed).Select(o => o.ItemId))}");
        Assert.True(again.Scores.Detail >= 70 && again.Scores.Emotion >= 70, $"{again.Scores}");
    }

    [Fact]
    public void The_suggested_reply_keeps_what_the_trainee_did_well()
    {
        const string good = "亲，退款我已经帮您提交了，金额 89 元，预计 24 小时内原路退回，到账后我再提醒您一下。";
        var e = RepoRoot.Evaluator.Evaluate(new EvaluationRequest(good, "我要退款", "zh-CN"));
        Assert.Contains("退款我已经帮您提交了，金额 89 元，预计 24 小时内原路退回，到账后我再提醒您一下", e.SuggestedReply, StringComparison.Ordinal);
        Assert.DoesNotContain("订单号", e.SuggestedReply, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Quotes(string critique, string locale)
    {
        var (open, close) = locale == "en" ? ('“', '”') : ('「', '」');
        var start = -1;
        for (var i = 0; i < critique.Length; i++)
        {
            if (critique[i] == open)
            {
                start = i + 1;
            }
            else if (critique[i] == close && start >= 0)
            {
                yield return critique[start..i];
                start = -1;
            }
        }
    }

    private static Persona LateGift() => new()
    {
        Id = "late-gift",
        Name = "王女士",
        Locale = "zh-CN",
        Dimension = Dimension.Speed,
        Difficulty = 3,
        Scenario = "给妈妈的生日礼物迟迟没到",
        Facts = new OrderFacts
        {
            Product = "香薰蜡烛礼盒",
            Amount = "¥199",
            OrderId = "JD-20260318-7731",
            OrderDate = "2026-03-18",
            OrderStatus = "已发货",
            Logistics = "包裹停在北京顺义分拨中心两天未更新",
        },
        Opening = "礼物怎么还没到？",
        HiddenNeeds = [],
        Mood = new PersonaMood { Anger = 60, Patience = 40 },
        Lines = new PersonaLines
        {
            Escalation = [],
            Resolution = [],
            Abandon = [],
            Chase = [],
            GiveInfo = [],
            HoldToTime = [],
            Blamed = [],
            Brushed = [],
            Vague = [],
            Softening = [],
            ByMood = new MoodLines { Calm = [], Upset = [], Angry = [] },
        },
        Character = "",
    };
}
