using static RolePlayBot.Core.Checklist.ChecklistItemIds;

namespace RolePlayBot.Core.Tests.Rules;

/// <summary>Replies written in both languages: each language's phrases count, and a fragment is never taken for the whole.</summary>
public sealed class MixedLanguageTests
{
    [Fact]
    public void An_English_apology_in_a_Chinese_reply_counts()
    {
        var e = Eval.Zh("Sorry 亲，让您久等了，我马上查一下物流，今天下午5点前给您回复。");

        Assert.True(e.IsObserved(Apology));
        Assert.StartsWith("Sorry", e.Find(Apology)!.Evidence, StringComparison.Ordinal);
        Assert.True(e.IsObserved(TimeCommitment));
        Assert.False(e.IsObserved(ColdTone));
    }

    [Fact]
    public void A_Chinese_apology_in_an_English_reply_counts_and_the_English_keeps_its_credit()
    {
        var e = Eval.En("I understand how frustrating this is, 真的很抱歉. I will refund you today.");

        Assert.Equal("真的很抱歉", e.Find(Apology)!.Evidence);
        Assert.True(e.IsObserved(ConcreteSolution));
        Assert.True(e.IsObserved(TimeCommitment));
        Assert.True(e.IsObserved(AcknowledgeEmotion));
    }

    [Theory]
    [InlineData("亲，OK的，马上给您处理哈")]
    [InlineData("好的亲，我 check 一下物流马上回复您")]
    public void A_stray_English_word_is_not_read_as_a_short_cold_English_reply(string reply) =>
        Assert.False(Eval.Zh(reply).IsObserved(ColdTone));

    [Fact]
    public void An_English_apology_beside_a_Chinese_denial_of_blame_is_no_apology()
    {
        var e = Eval.Zh("Sorry，这不是我们的问题，你找快递吧。");

        Assert.True(e.IsObserved(BlameShifting));
        Assert.False(e.IsObserved(Apology));
    }

    [Theory]
    [InlineData("我查了一下，运单号SF1234567890，预计明天送达。", "zh-CN", null)]
    [InlineData("Sorry 亲，让您久等了", "zh-CN", "en")]
    [InlineData("I understand, 亲. I will refund you today.", "en", "zh-CN")]
    [InlineData("Your refund of $59 is on its way.", "en", null)]
    public void The_language_a_reply_is_mostly_in_leads(string reply, string primary, string? secondary) =>
        Assert.Equal((primary, secondary), Core.Evaluation.RuleMatcher.Languages(reply));
}
