using System.Text.Json;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Tests.Support;

namespace RolePlayBot.Core.Tests.Fuzz;

/// <summary>
/// Thousands of seeded random replies through the rule evaluator, its feedback writer and scorer: whatever a trainee
/// pastes, the verdict is whole (13 items in order), every quote is the trainee's exact words, and the same reply
/// always gets the same verdict.
/// </summary>
public sealed class EvaluatorFuzzTests
{
    private const int Cases = 2000;

    private static readonly ChecklistDefinition Checklist = ChecklistLoader.Load(Path.Combine(RepoPaths.RepoRoot, ChecklistLoader.FileName));

    [Theory]
    [InlineData(20261122, "zh-CN")]
    [InlineData(5, "en")]
    public void Any_reply_gets_a_whole_verdict_with_exact_quotes(int seed, string locale)
    {
        var evaluator = new RuleEvaluator(Checklist);
        var again = new RuleEvaluator(Checklist);
        var text = new UntrustedText(seed);
        var persona = TestPersonas.Gift(locale: locale);

        for (var i = 0; i < Cases; i++)
        {
            var reply = text.Next();
            var request = new EvaluationRequest(reply, text.Next(), locale, i % 2 == 0 ? persona : null, TimeSpan.FromSeconds(i % 300));

            var verdict = evaluator.Evaluate(request);

            Assert.Equal(ChecklistItemIds.All, verdict.Items.Select(o => o.ItemId).Where(ChecklistItemIds.All.Contains));
            Assert.Equal(Checklist.Items.Count, verdict.Items.Count);
            foreach (var item in verdict.Items)
            {
                Assert.Equal(ObservationSources.Rules, item.Source);
                if (item.Observed)
                {
                    Assert.False(string.IsNullOrEmpty(item.Evidence), $"case {i}: {item.ItemId} observed without a quote");
                    Assert.True(reply.Contains(item.Evidence, StringComparison.Ordinal), $"case {i}: {item.ItemId} quote is not in the reply");
                }
                else
                {
                    Assert.Null(item.Evidence);
                }
            }

            Assert.InRange(verdict.Scores.Speed, 0, 100);
            Assert.InRange(verdict.Scores.Detail, 0, 100);
            Assert.InRange(verdict.Scores.Emotion, 0, 100);
            Assert.False(string.IsNullOrWhiteSpace(verdict.Critique), $"case {i}: no critique");
            if (i % 3 == 0)
            {
                Assert.Equal(Json(verdict), Json(again.Evaluate(request)));
            }
        }
    }

    [Fact]
    public void A_lone_high_surrogate_before_ordinary_text_is_judged_like_any_reply()
    {
        // Found by the fuzz: the injection screen read it as a pair and threw.
        var reply = "非常抱歉" + '\ud83d' + "，马上为您处理";

        var verdict = new RuleEvaluator(Checklist).Evaluate(new EvaluationRequest(reply, "在吗？", "zh-CN"));

        Assert.True(verdict.IsObserved(ChecklistItemIds.Apology));
    }

    [Fact]
    public void The_feedback_writer_takes_observations_from_any_source_without_throwing()
    {
        var writer = new FeedbackWriter(Checklist);
        var text = new UntrustedText(77);
        var random = new Random(77);
        for (var i = 0; i < Cases; i++)
        {
            var reply = text.Next();
            var observations = ChecklistItemIds.All
                .Select(id => random.Next(3) == 0 && reply.Length > 0
                    ? new Observation(id, true, Slice(reply, random), random.Next(2) == 0 ? ObservationSources.Llm : ObservationSources.Rules)
                    : new Observation(id, false, null, ObservationSources.Rules))
                .ToList();

            var feedback = writer.Write(new EvaluationRequest(reply, text.Next(), i % 2 == 0 ? "zh-CN" : "en", TestPersonas.Gift()), observations);

            Assert.False(string.IsNullOrWhiteSpace(feedback.Critique), $"case {i}");
        }
    }

    private static string Slice(string text, Random random)
    {
        var start = random.Next(text.Length);
        return text.Substring(start, random.Next(1, Math.Min(60, text.Length - start) + 1));
    }

    private static string Json(ReplyEvaluation verdict) => JsonSerializer.Serialize(verdict);
}
