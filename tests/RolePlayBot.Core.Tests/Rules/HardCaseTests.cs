using static RolePlayBot.Core.Checklist.ChecklistItemIds;

namespace RolePlayBot.Core.Tests.Rules;

/// <summary>The traps the brief names, each in both languages where it applies.</summary>
public sealed class HardCaseTests
{
    [Theory]
    [InlineData("不是您的问题，是我们仓库发错了，我马上给您补发。")]
    [InlineData("这不怪您，我来帮您处理退款。")]
    public void Negated_blame_is_not_blame_zh(string reply) => Assert.False(Eval.Zh(reply).IsObserved(BlameShifting));

    [Theory]
    [InlineData("It's not your fault at all — I'm sending a replacement today.")]
    public void Negated_blame_is_not_blame_en(string reply) => Assert.False(Eval.En(reply).IsObserved(BlameShifting));

    [Theory]
    [InlineData("不会让您白跑一趟的，退货运费我们承担。")]
    [InlineData("不会让您白等的，我现在就联系快递，20分钟内给您结果。")]
    public void Negated_impatience_is_not_impatience(string reply) => Assert.False(Eval.Zh(reply).IsObserved(Impatience));

    [Theory]
    [InlineData("抱歉，这不是我们的问题。")]
    [InlineData("对不起，物流不归我们管。")]
    [InlineData("不好意思，这是快递的问题，跟我们店没关系。")]
    public void Apology_that_denies_responsibility_is_blame_not_apology_zh(string reply)
    {
        var e = Eval.Zh(reply);
        Assert.False(e.IsObserved(Apology));
        Assert.True(e.IsObserved(BlameShifting));
    }

    [Theory]
    [InlineData("Sorry, but delays are not our fault.")]
    [InlineData("I'm sorry, but that's how the system works. Nothing I can do.")]
    public void Apology_that_denies_responsibility_is_blame_not_apology_en(string reply)
    {
        var e = Eval.En(reply);
        Assert.False(e.IsObserved(Apology));
        Assert.True(e.IsObserved(BlameShifting));
    }

    [Theory]
    [InlineData("请您冷静一下，快递总会到的。")]
    [InlineData("别激动别激动，多大点事。")]
    [InlineData("您先别生气，我理解您的心情。")]
    public void Tone_policing_is_cold_and_not_empathy_zh(string reply)
    {
        var e = Eval.Zh(reply);
        Assert.False(e.IsObserved(AcknowledgeEmotion));
        Assert.True(e.IsObserved(ColdTone));
    }

    [Theory]
    [InlineData("Calm down, it will arrive when it arrives.")]
    [InlineData("Please calm down, there's no need to be so emotional.")]
    public void Tone_policing_is_cold_and_not_empathy_en(string reply)
    {
        var e = Eval.En(reply);
        Assert.False(e.IsObserved(AcknowledgeEmotion));
        Assert.True(e.IsObserved(ColdTone));
    }

    [Theory]
    [InlineData("是快递延误了，我来帮您催并补偿。")]
    [InlineData("是快递运输的问题，我们这边来处理，马上给您补发一个。")]
    public void A_cause_explained_while_owning_the_fix_is_not_blame_zh(string reply)
    {
        var e = Eval.Zh(reply);
        Assert.False(e.IsObserved(BlameShifting));
        Assert.True(e.IsObserved(ConcreteSolution));
    }

    [Fact]
    public void A_cause_explained_while_owning_the_fix_is_not_blame_en() =>
        Assert.False(Eval.En("It was the courier's delay, but that's on us to fix — I've added a $5 credit.").IsObserved(BlameShifting));

    [Theory]
    [InlineData("我们会尽快处理的。")]
    [InlineData("马上帮您处理，第一时间给您回复。")]
    [InlineData("稍后给您答复。")]
    public void Vague_time_is_not_a_time_commitment_zh(string reply) => Assert.False(Eval.Zh(reply).IsObserved(TimeCommitment));

    [Theory]
    [InlineData("We'll ship it ASAP.")]
    [InlineData("I'll get back to you soon.")]
    public void Vague_time_is_not_a_time_commitment_en(string reply) => Assert.False(Eval.En(reply).IsObserved(TimeCommitment));

    [Theory]
    [InlineData("30分钟内给您答复。")]
    [InlineData("今晚9点前给您发出。")]
    [InlineData("明天上午给您回电话。")]
    public void Concrete_time_is_a_time_commitment(string reply) => Assert.True(Eval.Zh(reply).IsObserved(TimeCommitment));

    [Theory]
    [InlineData("理解您的心情。")]
    [InlineData("非常理解您的感受。")]
    public void Formula_only_empathy_earns_no_acknowledgement_and_little_emotion_score_zh(string reply)
    {
        var e = Eval.Zh(reply);
        Assert.False(e.IsObserved(AcknowledgeEmotion));
        Assert.True(e.Scores.Emotion < 30);
    }

    [Fact]
    public void Formula_apology_without_action_scores_half()
    {
        var formula = Eval.Zh("很抱歉给您带来不便。");
        var withAction = Eval.Zh("很抱歉给您带来不便，我马上为您补发。");
        Assert.True(formula.IsObserved(Apology));
        Assert.True(formula.Scores.Emotion * 2 <= withAction.Scores.Emotion + 1);
    }

    [Fact]
    public void Formula_empathy_tied_to_the_situation_counts() =>
        Assert.True(Eval.Zh("非常理解您的心情，物流延误确实让人着急。").IsObserved(AcknowledgeEmotion));

    [Fact]
    public void Formula_empathy_en() => Assert.False(Eval.En("I understand your frustration.").IsObserved(AcknowledgeEmotion));

    [Theory]
    [InlineData("好的")]
    [InlineData("哦")]
    [InlineData("嗯。")]
    [InlineData("ok")]
    [InlineData("OK.")]
    public void Bare_acknowledgements_are_cold(string reply)
    {
        var e = Eval.Zh(reply);
        Assert.Equal([ColdTone], e.Observed());
    }

    [Theory]
    [InlineData("系统显示已发货")]
    [InlineData("亲，系统显示已发货。")]
    public void A_bare_status_line_is_cold_and_not_clear_information(string reply)
    {
        var e = Eval.Zh(reply);
        Assert.True(e.IsObserved(ColdTone));
        Assert.False(e.IsObserved(ClearInformation));
    }

    [Fact]
    public void A_bare_status_line_en() => Assert.Equal([ColdTone], Eval.En("The system shows it was shipped.").Observed());

    [Theory]
    [InlineData("你是不是没看清楚说明？")]
    [InlineData("您是不是地址填错了？")]
    public void Rhetorical_blaming_questions_are_blame_not_clarifying_zh(string reply)
    {
        var e = Eval.Zh(reply);
        Assert.False(e.IsObserved(ClarifyingQuestion));
        Assert.True(e.IsObserved(BlameShifting));
    }

    [Theory]
    [InlineData("Didn't you read the size chart?")]
    [InlineData("Honestly, are you even using it correctly?")]
    public void Rhetorical_blaming_questions_are_blame_not_clarifying_en(string reply)
    {
        var e = Eval.En(reply);
        Assert.False(e.IsObserved(ClarifyingQuestion));
        Assert.True(e.IsObserved(BlameShifting));
        Assert.True(e.IsObserved(Impatience));
    }

    [Theory]
    [InlineData("麻烦您提供一下订单号，我马上帮您查。")]
    [InlineData("您平时穿多大码？")]
    public void Genuine_questions_are_clarifying(string reply) => Assert.True(Eval.Zh(reply).IsObserved(ClarifyingQuestion));

    [Theory]
    [InlineData("故意找茬吧？")]
    [InlineData("您是不是想白嫖一瓶面霜？")]
    [InlineData("你是不是就想讹点钱？")]
    public void Presumed_bad_faith_zh(string reply) => Assert.True(Eval.Zh(reply).IsObserved(PresumedBadFaith));

    [Theory]
    [InlineData("Are you trying to scam us?")]
    [InlineData("You're just making trouble on purpose.")]
    public void Presumed_bad_faith_en(string reply) => Assert.True(Eval.En(reply).IsObserved(PresumedBadFaith));

    [Theory]
    [InlineData("没有说您故意的意思，只是需要照片核实一下，麻烦您拍一张吊牌。")]
    [InlineData("麻烦您拍一下收到的商品，我核实后马上为您处理。")]
    public void Asking_for_evidence_neutrally_is_not_bad_faith(string reply)
    {
        var e = Eval.Zh(reply);
        Assert.False(e.IsObserved(PresumedBadFaith));
        Assert.True(e.IsObserved(ClarifyingQuestion));
    }

    [Theory]
    [InlineData("I totally get how frustrating this is. I'll refund you today.")]
    [InlineData("I can really see why you're upset about the delay.")]
    [InlineData("I completely understand how worrying a rash like that is.")]
    public void An_intensifier_does_not_hide_a_named_feeling_en(string reply) => Assert.True(Eval.En(reply).IsObserved(AcknowledgeEmotion));
}
