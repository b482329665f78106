using Xunit.Abstractions;

namespace RolePlayBot.Core.Tests.Rules;

/// <summary>
/// The honest numbers: replies written and labelled after the patterns were tuned, before the rules ran on them.
/// The first set was blind when first measured (0.779) and was then used to broaden vocabularies; the second and third
/// are still blind (the third was written before the anti-pattern tuning it measures: 0.764 before, 0.886 after). The bar is lower than on the development set, because that is what phrase rules generalise to.
/// </summary>
public sealed class HoldoutAccuracyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("labelled-replies-holdout.jsonl")]
    [InlineData("labelled-replies-holdout-2.jsonl")]
    [InlineData("labelled-replies-holdout-3.jsonl")]
    public void Rules_generalise_to_the_hold_out_sets(string fileName)
    {
        var report = AccuracyReport.Run(LabelledReply.LoadAll(fileName));
        output.WriteLine(report.ToMarkdown($"Rule evaluator accuracy on {fileName}"));
        foreach (var error in report.Errors)
        {
            output.WriteLine(error);
        }

        Assert.True(report.Macro >= HoldoutBar.Macro, $"hold-out macro balanced accuracy {report.Macro:0.000} < {HoldoutBar.Macro}");
    }

    private static class HoldoutBar
    {
        public const double Macro = 0.75;
    }
}
