using RolePlayBot.Core.Checklist;

namespace RolePlayBot.Core.Tests.Rules;

public sealed class ChecklistLoaderTests
{
    [Fact]
    public void The_shipped_checklist_has_the_13_contract_ids_first_in_order()
    {
        var checklist = RepoRoot.Checklist;
        Assert.Equal(ChecklistItemIds.All, checklist.Items.Take(13).Select(i => i.Id));
        Assert.All(checklist.Items, i => Assert.NotEmpty(i.Detectors));
        Assert.All(checklist.Items, i => Assert.Equal(ChecklistItemIds.AntiPatterns.Contains(i.Id), i.IsAntiPattern));
        Assert.All(checklist.Items.Where(i => i.IsAntiPattern), i => Assert.Equal(Dimension.AntiPattern, i.Dimension));
        Assert.Contains(EmotionView.Regulation, checklist[ChecklistItemIds.Impatience].Views);
        Assert.Contains(EmotionView.Regulation, checklist[ChecklistItemIds.ColdTone].Views);
        Assert.Contains(EmotionView.Recognition, checklist[ChecklistItemIds.PresumedBadFaith].Views);
        Assert.True(checklist[ChecklistItemIds.BlameShifting].MoodEffect.Anger > 0);
        Assert.True(checklist[ChecklistItemIds.ConcreteSolution].MoodEffect.Anger < 0);
        Assert.Equal(60, checklist.Scoring.Speed.QuickSeconds);
    }

    [Fact]
    public void LoadDefault_walks_up_to_the_checklist()
    {
        var checklist = ChecklistLoader.LoadDefault(AppContext.BaseDirectory);
        Assert.Equal(RepoRoot.Checklist.Items.Count, checklist.Items.Count);
    }

    [Fact]
    public void A_regex_that_does_not_compile_is_reported_with_file_line_and_field()
    {
        var yaml = ShippedYaml().Replace("'抱歉|对不起|不好意思|歉意|致歉|对不住|给您添麻烦了'", "'抱歉(|对不起'", StringComparison.Ordinal);
        var error = Assert.Throws<ChecklistLoadException>(() => ChecklistLoader.Parse(yaml, "broken.yaml"));
        Assert.Equal("broken.yaml", error.File);
        Assert.Equal(LineOf(yaml, "'抱歉(|对不起'"), error.Line);
        Assert.Contains("apology", error.Field, StringComparison.Ordinal);
        Assert.Contains("patterns[0]", error.Field, StringComparison.Ordinal);
        Assert.Contains("does not compile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_contract_id_is_named()
    {
        var yaml = ShippedYaml().Replace("- id: follow_up_care", "- id: follow_up", StringComparison.Ordinal);
        var error = Assert.Throws<ChecklistLoadException>(() => ChecklistLoader.Parse(yaml, "x.yaml"));
        Assert.Contains("follow_up_care", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_dimension_is_reported_on_its_line()
    {
        var yaml = ShippedYaml().Replace("    dimension: detail\n", "    dimension: details\n", StringComparison.Ordinal);
        var error = Assert.Throws<ChecklistLoadException>(() => ChecklistLoader.Parse(yaml, "x.yaml"));
        Assert.Equal(LineOf(yaml, "dimension: details"), error.Line);
        Assert.Contains("unknown dimension 'details'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_yaml_and_bad_values_are_clear()
    {
        Assert.Throws<ChecklistLoadException>(() => ChecklistLoader.Parse("items: [", "x.yaml"));
        Assert.Throws<ChecklistLoadException>(() => ChecklistLoader.Parse("", "x.yaml"));
        var badLocale = ShippedYaml().Replace("        locale: en\n", "        locale: fr\n", StringComparison.Ordinal);
        Assert.Contains("unknown locale 'fr'", Assert.Throws<ChecklistLoadException>(() => ChecklistLoader.Parse(badLocale)).Message, StringComparison.Ordinal);
        var flipped = ShippedYaml().Replace("  - id: impatience\n    dimension: anti_pattern\n    anti_pattern: true", "  - id: impatience\n    dimension: anti_pattern\n    anti_pattern: false", StringComparison.Ordinal);
        Assert.Contains("anti_pattern", Assert.Throws<ChecklistLoadException>(() => ChecklistLoader.Parse(flipped)).Field, StringComparison.Ordinal);
    }

    [Fact]
    public void Trainers_can_add_a_custom_item()
    {
        var yaml = ShippedYaml() + """

              - id: thanks_customer
                dimension: emotion
                anti_pattern: false
                description: { zh-CN: 感谢客户, en: Thanks the customer }
                weight: 0.5
                views: [expression]
                detectors:
                  - name: thanks
                    locale: any
                    patterns: ['感谢|谢谢|\bthank']
            """;
        var checklist = ChecklistLoader.Parse(yaml);
        Assert.Equal(14, checklist.Items.Count);
        var evaluation = new Core.Evaluation.RuleEvaluator(checklist).Evaluate(new("谢谢您的耐心，我马上为您补发。", "", "zh-CN"));
        Assert.True(evaluation.IsObserved("thanks_customer"));
        Assert.Equal(14, evaluation.Items.Count);
    }

    private static string ShippedYaml() => File.ReadAllText(RepoRoot.File(ChecklistLoader.FileName));

    private static int LineOf(string text, string needle) =>
        text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
