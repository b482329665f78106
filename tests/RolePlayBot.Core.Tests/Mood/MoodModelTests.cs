using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Mood;
using RolePlayBot.Core.Tests.Support;

namespace RolePlayBot.Core.Tests.Mood;

public sealed class MoodModelTests
{
    private static readonly MoodModel Model = new(TestPersonas.Checklist());
    private static readonly Dictionary<string, int> NoHistory = [];

    private static ReplyEvaluation Observed(params string[] ids) => new(
        ChecklistItemIds.All.Select(id => new Observation(id, ids.Contains(id), ids.Contains(id) ? id : null, ObservationSources.Rules)).ToList(),
        new DimensionScores(0, 0, 0), "", null, false, []);

    [Fact]
    public void Empathy_and_a_concrete_solution_calm_the_customer()
    {
        var persona = TestPersonas.Gift();
        var step = Model.Reply(persona, new MoodState(60, 60), Observed(ChecklistItemIds.AcknowledgeEmotion, ChecklistItemIds.ConcreteSolution), NoHistory, TimeSpan.Zero, 0);

        Assert.True(step.After.Anger < 60);
        Assert.Contains(step.Changes, c => c.Cause == ChecklistItemIds.AcknowledgeEmotion && c.Anger < 0);
        Assert.Equal(step.After.Anger, Math.Clamp(60 + step.Changes.Sum(c => c.Anger), 0, 100));
    }

    [Fact]
    public void Blame_shifting_makes_the_customer_angrier()
    {
        var step = Model.Reply(TestPersonas.Gift(), new MoodState(60, 60), Observed(ChecklistItemIds.BlameShifting), NoHistory, TimeSpan.Zero, 0);

        Assert.True(step.After.Anger >= 85);
        Assert.True(step.After.Patience < 60);
    }

    [Fact]
    public void A_persona_reaction_overrides_the_checklist_default()
    {
        var persona = TestPersonas.Gift(difficulty: 1);
        Assert.Equal(new MoodEffect(-15, 5), Model.EffectOf(persona, ChecklistItemIds.PerspectiveTaking));
        Assert.Equal(new MoodEffect(-8, 2), Model.EffectOf(persona, ChecklistItemIds.Apology));
    }

    [Fact]
    public void Harder_customers_calm_down_less_and_flare_up_more()
    {
        var good = Observed(ChecklistItemIds.Apology, ChecklistItemIds.ConcreteSolution);
        var bad = Observed(ChecklistItemIds.ColdTone);
        var start = new MoodState(60, 60);

        var easyCalm = Model.Reply(TestPersonas.Gift(1), start, good, NoHistory, TimeSpan.Zero, 0).After;
        var hardCalm = Model.Reply(TestPersonas.Gift(5), start, good, NoHistory, TimeSpan.Zero, 0).After;
        var easyBad = Model.Reply(TestPersonas.Gift(1), start, bad, NoHistory, TimeSpan.Zero, 0).After;
        var hardBad = Model.Reply(TestPersonas.Gift(5), start, bad, NoHistory, TimeSpan.Zero, 0).After;

        Assert.True(easyCalm.Anger < hardCalm.Anger, $"easy {easyCalm.Anger} vs hard {hardCalm.Anger}");
        Assert.True(easyBad.Anger < hardBad.Anger, $"easy {easyBad.Anger} vs hard {hardBad.Anger}");
        Assert.True(easyCalm.Patience > hardCalm.Patience);
    }

    [Fact]
    public void A_repeated_apology_calms_less_than_the_first()
    {
        var persona = TestPersonas.Gift();
        var apology = Observed(ChecklistItemIds.Apology);
        var first = Model.Reply(persona, new MoodState(60, 60), apology, NoHistory, TimeSpan.Zero, 0);
        var third = Model.Reply(persona, new MoodState(60, 60), apology, new Dictionary<string, int> { [ChecklistItemIds.Apology] = 2 }, TimeSpan.Zero, 0);

        Assert.True(first.After.Anger < third.After.Anger);
    }

    [Fact]
    public void A_reply_with_nothing_helpful_still_costs_anger_and_patience()
    {
        var step = Model.Reply(TestPersonas.Gift(), new MoodState(50, 50), Observed(), NoHistory, TimeSpan.Zero, 0);

        Assert.True(step.After.Anger > 50);
        Assert.Contains(step.Changes, c => c.Cause == MoodCauses.NothingHelpful);
        Assert.Contains(step.Changes, c => c.Cause == MoodCauses.TurnCost && c.Patience < 0);
    }

    [Fact]
    public void Waiting_makes_the_customer_angrier_the_longer_it_lasts()
    {
        var persona = TestPersonas.Gift();
        var shortWait = Model.Wait(persona, new MoodState(50, 50), TimeSpan.FromSeconds(30)).After;
        var longWait = Model.Wait(persona, new MoodState(50, 50), TimeSpan.FromSeconds(120)).After;
        var none = Model.Wait(persona, new MoodState(50, 50), TimeSpan.Zero).After;

        Assert.Equal(new MoodState(50, 50), none);
        Assert.True(shortWait.Anger > 50);
        Assert.True(longWait.Anger > shortWait.Anger);
        Assert.True(longWait.Patience < shortWait.Patience);
    }

    [Fact]
    public void Mood_stays_within_zero_and_one_hundred()
    {
        var all = Observed([.. ChecklistItemIds.AntiPatterns]);
        var step = Model.Reply(TestPersonas.Gift(5), new MoodState(95, 5), all, NoHistory, TimeSpan.FromMinutes(10), 0);

        Assert.Equal(100, step.After.Anger);
        Assert.Equal(0, step.After.Patience);
    }
}
