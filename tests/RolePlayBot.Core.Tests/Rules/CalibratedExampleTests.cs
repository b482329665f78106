using static RolePlayBot.Core.Checklist.ChecklistItemIds;

namespace RolePlayBot.Core.Tests.Rules;

/// <summary>The calibrated examples of shared/domain/checklist.md, exactly.</summary>
public sealed class CalibratedExampleTests
{
    [Fact]
    public void Refund_submitted_with_amount_time_and_reminder()
    {
        var e = Eval.Zh("亲，退款我已经帮您提交了，金额 89 元，预计 24 小时内原路退回，到账后我再提醒您一下。");
        Assert.Equal([TimeCommitment, ConcreteSolution, ClearInformation, FollowUpCare], e.Observed());
    }

    [Fact]
    public void Courier_problem_we_cannot_handle_is_blame_and_cold()
    {
        var e = Eval.Zh("快递那边的问题我们也管不了，您自己联系一下吧。");
        Assert.Equal([BlameShifting, ColdTone], e.Observed());
    }

    [Fact]
    public void Dont_get_excited_is_cold_with_no_emotion_behaviour()
    {
        var e = Eval.Zh("您别激动，先说清楚是什么问题。");
        Assert.True(e.IsObserved(ColdTone));
        Assert.DoesNotContain(e.Observed(), id => id is AcknowledgeEmotion or Apology or PerspectiveTaking or FollowUpCare);
    }

    [Fact]
    public void English_express_delivery_example()
    {
        var e = Eval.En("I can see why you're upset — you paid for express delivery and it's three days late. I've refunded the $12 shipping fee just now, and I'll email you the courier's new slot by 5 pm today.");
        Assert.Equal([TimeCommitment, ConcreteSolution, ClearInformation, AcknowledgeEmotion, PerspectiveTaking, FollowUpCare], e.Observed());
    }
}
