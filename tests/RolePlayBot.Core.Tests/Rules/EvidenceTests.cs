using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;

namespace RolePlayBot.Core.Tests.Rules;

public sealed class EvidenceTests
{
    public static TheoryData<string> AllLabelledReplies()
    {
        var data = new TheoryData<string>();
        foreach (var file in new[] { "labelled-replies.jsonl", "labelled-replies-holdout.jsonl", "labelled-replies-holdout-2.jsonl" })
        {
            foreach (var row in LabelledReply.LoadAll(file))
            {
                data.Add(row.Reply);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllLabelledReplies))]
    public void Evidence_is_always_an_exact_substring_and_observations_follow_checklist_order(string reply)
    {
        var e = Eval.Zh(reply);
        Assert.Equal(RepoRoot.Checklist.Items.Select(i => i.Id), e.Items.Select(o => o.ItemId));
        foreach (var o in e.Items)
        {
            Assert.Equal(ObservationSources.Rules, o.Source);
            if (o.Observed)
            {
                Assert.False(string.IsNullOrEmpty(o.Evidence));
                Assert.Contains(o.Evidence!, reply, StringComparison.Ordinal);
            }
            else
            {
                Assert.Null(o.Evidence);
            }
        }
    }

    [Fact]
    public void Full_width_and_zero_width_input_is_judged_like_plain_input_with_evidence_from_the_original()
    {
        const string reply = "亲\u200B，退款我已经帮您提交了，金额 ８９ 元，预计 ２４ 小时内原路退回，到账后我再提\u200D醒您一下。";
        var e = Eval.Zh(reply);
        Assert.Equal(
            [ChecklistItemIds.TimeCommitment, ChecklistItemIds.ConcreteSolution, ChecklistItemIds.ClearInformation, ChecklistItemIds.FollowUpCare],
            e.Observed());
        Assert.All(e.Items.Where(o => o.Observed), o => Assert.Contains(o.Evidence!, reply, StringComparison.Ordinal));
        Assert.Contains(e.Items, o => o.Evidence is { } ev && ev.Contains('\u200D'));
    }

    [Fact]
    public void Zero_width_characters_do_not_hide_an_anti_pattern()
    {
        var e = Eval.Zh("这不\u200B是我们的问\u200C题，您自\u200D己联系快递吧。");
        Assert.True(e.IsObserved(ChecklistItemIds.BlameShifting));
        Assert.Contains(e.Find(ChecklistItemIds.BlameShifting)!.Evidence!, "这不\u200B是我们的问\u200C题，您自\u200D己联系快递吧。", StringComparison.Ordinal);
    }

    [Fact]
    public void Upper_case_and_curly_quotes_in_english_are_matched()
    {
        var e = Eval.En("I’M SO SORRY — THAT’S ON US. I’LL EMAIL YOU BY 5 PM TODAY.");
        Assert.True(e.IsObserved(ChecklistItemIds.Apology));
        Assert.True(e.IsObserved(ChecklistItemIds.TimeCommitment));
        Assert.True(e.IsObserved(ChecklistItemIds.FollowUpCare));
    }

    [Fact]
    public void Empty_and_very_long_replies_are_safe()
    {
        Assert.Equal(13, Eval.Zh("   ").Items.Count);
        var empty = Eval.Zh("");
        Assert.Equal(13, empty.Items.Count);
        var longReply = string.Concat(Enumerable.Repeat("我们会尽快处理，", 1000)) + "抱歉";
        var e = Eval.Zh(longReply);
        Assert.Contains(e.Diagnostics, d => d.Contains("longer", StringComparison.Ordinal));
        Assert.All(e.Items.Where(o => o.Observed), o => Assert.Contains(o.Evidence!, longReply, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EvaluateAsync_matches_Evaluate()
    {
        var request = new EvaluationRequest("已收到您的反馈，30分钟内给您答复。", "在吗", "zh-CN");
        var sync = RepoRoot.Evaluator.Evaluate(request);
        var async = await RepoRoot.Evaluator.EvaluateAsync(request);
        Assert.Equal(sync.Items, async.Items);
        Assert.Equal(sync.Scores, async.Scores);
        Assert.False(async.InjectionSuspected);
    }
}
