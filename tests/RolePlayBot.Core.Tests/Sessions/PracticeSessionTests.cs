using RolePlayBot.Core.Customers;
using RolePlayBot.Core.Scoring;
using RolePlayBot.Core.Sessions;
using RolePlayBot.Core.Tests.Support;

namespace RolePlayBot.Core.Tests.Sessions;

/// <summary>Conversation flows with the scripted customer; the rules are a keyword stand-in so each reply's behaviours are explicit.</summary>
public sealed class PracticeSessionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private static PracticeSession NewSession(int difficulty = 3, int seed = 7)
    {
        var rules = new KeywordRules();
        var engines = new PracticeEngines(TestPersonas.Checklist(), rules, rules, new ScriptedCustomer());
        var session = new PracticeSession(TestPersonas.Gift(difficulty), engines, seed: seed);
        session.Start(T0);
        return session;
    }

    [Fact]
    public void The_opening_message_uses_the_order_facts()
    {
        var session = NewSession();
        Assert.Equal("我买的香薰礼盒怎么还没到？明天就是生日了！", session.LastCustomerText);
    }

    [Fact]
    public async Task A_good_agent_resolves_the_case()
    {
        var session = NewSession();
        var turn = await session.ReplyAfterAsync("[acknowledge_emotion][apology][concrete_solution][time_commitment] 我马上为您加急补发", TimeSpan.FromSeconds(20));

        Assert.Equal(Outcome.Resolved, session.Outcome);
        Assert.Equal("好吧，谢谢。", turn.CustomerReply!.Text);
        Assert.Contains("arrive", turn.NeedsMet);
    }

    [Fact]
    public async Task Blaming_the_customer_escalates_and_ends_the_session()
    {
        var session = NewSession();
        var turn = await session.ReplyAfterAsync("[blame_shifting][cold_tone] 您自己找快递", TimeSpan.FromSeconds(10));

        Assert.Equal(Outcome.Escalated, session.Outcome);
        Assert.Equal("我要给差评！", turn.CustomerReply!.Text);
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.ReplyAfterAsync("抱歉", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Asked_for_the_order_number_the_customer_gives_it()
    {
        var session = NewSession();
        var turn = await session.ReplyAfterAsync("[acknowledge_receipt][clarifying_question] 请问订单号是多少？", TimeSpan.FromSeconds(15));

        Assert.Contains("订单号2026111100001", turn.CustomerReply!.Text);
    }

    [Fact]
    public async Task A_promised_time_is_held_against_the_agent()
    {
        var session = NewSession();
        var turn = await session.ReplyAfterAsync("[time_commitment] 稍等", TimeSpan.FromSeconds(15));

        Assert.Contains("好，我等到[time_commitment]", turn.CustomerReply!.Text);
    }

    [Fact]
    public async Task The_unmet_demand_comes_back_until_it_is_met()
    {
        var session = NewSession(difficulty: 1);
        var first = await session.ReplyAfterAsync("[apology] 不好意思", TimeSpan.FromSeconds(15));
        var second = await session.ReplyAfterAsync("[acknowledge_emotion] 理解您着急", TimeSpan.FromSeconds(15));

        Assert.Contains("明天", first.CustomerReply!.Text);
        Assert.Contains("明天", second.CustomerReply!.Text);
        Assert.NotEqual(first.CustomerReply.Text, second.CustomerReply.Text);

        var third = await session.ReplyAfterAsync("[concrete_solution] 我给您加急", TimeSpan.FromSeconds(15));
        Assert.Contains("arrive", third.NeedsMet);
        Assert.DoesNotContain("明天", third.CustomerReply!.Text);
    }

    [Fact]
    public async Task A_slow_reply_makes_the_customer_chase_and_angrier()
    {
        var quick = NewSession();
        var slow = NewSession();

        var quickTurn = await quick.ReplyAfterAsync("[apology] 抱歉", TimeSpan.FromSeconds(20));
        var slowTurn = await slow.ReplyAfterAsync("[apology] 抱歉", TimeSpan.FromSeconds(130));

        Assert.Empty(quickTurn.Chasers);
        Assert.Equal(2, slowTurn.Chasers.Count);
        Assert.All(slowTurn.Chasers, c => Assert.Contains(c, new[] { "在吗？", "还有人吗？" }));
        Assert.True(slowTurn.MoodAfter.Anger > quickTurn.MoodAfter.Anger);
        Assert.Equal(130, slowTurn.ReplyTime.TotalSeconds);
        Assert.Contains(slowTurn.MoodChanges, c => c.Cause == Core.Mood.MoodCauses.Waiting);
    }

    [Fact]
    public async Task The_clock_alone_makes_the_customer_chase_then_leave()
    {
        var session = NewSession();

        Assert.Empty(await session.CheckWaitingAsync(T0.AddSeconds(30)));
        var chased = await session.CheckWaitingAsync(T0.AddSeconds(61));
        Assert.Single(chased);
        Assert.Equal(Outcome.Ongoing, session.Outcome);

        var left = await session.CheckWaitingAsync(T0.AddSeconds(301));
        Assert.Equal(Outcome.Abandoned, session.Outcome);
        Assert.Equal("算了，不等了。", left[^1].Text);
    }

    [Fact]
    public async Task The_next_waiting_event_is_exactly_when_the_clock_next_makes_the_customer_chase_or_leave()
    {
        var session = NewSession();
        var persona = TestPersonas.Gift(3);
        var chase = TimeSpan.FromSeconds(persona.Mood.ChaseAfterSeconds);
        var leave = TimeSpan.FromSeconds(persona.Mood.LeaveAfterSeconds);
        Assert.True(chase * PracticeSession.MaxChasers < leave);

        // Each chaser, then the leaving, happens at the announced time and not a second before.
        foreach (var expected in new[] { T0 + chase, T0 + (chase * 2), T0 + leave })
        {
            Assert.Equal(expected, session.NextWaitingEventAt);
            Assert.Empty(await session.CheckWaitingAsync(expected.AddSeconds(-1)));
            Assert.NotEmpty(await session.CheckWaitingAsync(expected));
        }

        Assert.Equal(Outcome.Abandoned, session.Outcome);
        Assert.Null(session.NextWaitingEventAt);

        // A reply starts the wait over from the customer's answer.
        var replied = NewSession();
        await replied.ReplyAfterAsync("[apology] 抱歉", TimeSpan.FromSeconds(20));
        Assert.Equal(replied.LastCustomerMessageAt + chase, replied.NextWaitingEventAt);
        Assert.Null(new PracticeSession(TestPersonas.Gift(3), new PracticeEngines(TestPersonas.Checklist(), new KeywordRules(), new KeywordRules(), new ScriptedCustomer()), seed: 1).NextWaitingEventAt);
    }

    [Fact]
    public async Task A_reply_after_the_customer_left_is_still_evaluated_but_gets_no_answer()
    {
        var session = NewSession();
        var turn = await session.ReplyAfterAsync("[apology] 抱歉久等", TimeSpan.FromSeconds(400));

        Assert.Equal(Outcome.Abandoned, session.Outcome);
        Assert.Null(turn.CustomerReply);
        Assert.True(turn.Evaluation.IsObserved("apology"));
        Assert.Contains("算了，不等了。", session.Transcript.Select(l => l.Text));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_conversation()
    {
        async Task<string> Run(int seed)
        {
            var s = NewSession(seed: seed);
            foreach (var reply in new[] { "嗯", "[apology] 抱歉", "[clarifying_question] 订单号？", "好的" })
            {
                if (!s.IsOver)
                {
                    await s.ReplyAfterAsync(reply, TimeSpan.FromSeconds(30));
                }
            }

            return string.Join("|", s.Transcript.Select(l => l.Text));
        }

        Assert.Equal(await Run(3), await Run(3));
    }

    [Fact]
    public async Task A_session_ended_at_the_turn_limit_says_so_unless_its_last_reply_had_ended_it()
    {
        var session = NewSession(difficulty: 1);
        await session.ReplyAfterAsync("[apology] 抱歉", TimeSpan.FromSeconds(15));
        session.EndAtTurnLimit();
        Assert.True(session.IsOver);
        Assert.Equal(Outcome.TurnLimit, new ScorecardBuilder(TestPersonas.Checklist()).Build(session).Outcome);
        Assert.Equal("达到轮数上限", ScorecardTexts.OutcomeName(session.Outcome, zh: true));

        var escalated = NewSession();
        await escalated.ReplyAfterAsync("[blame_shifting][cold_tone] 您自己找快递", TimeSpan.FromSeconds(10));
        escalated.EndAtTurnLimit();
        Assert.Equal(Outcome.Escalated, escalated.Outcome);
    }

    [Fact]
    public async Task The_scorecard_measures_reply_times_and_ties_improvements_to_turns()
    {
        var session = NewSession(difficulty: 1);
        await session.ReplyAfterAsync("[apology] 抱歉", TimeSpan.FromSeconds(15));
        await session.ReplyAfterAsync("[cold_tone] 哦", TimeSpan.FromSeconds(95));
        session.End();

        var card = new ScorecardBuilder(TestPersonas.Checklist()).Build(session);

        Assert.Equal(Outcome.EndedByTrainee, card.Outcome);
        Assert.Equal([15.0, 95.0], card.ReplyTimes.Select(t => t.Seconds));
        Assert.Equal(3, card.MoodCurve.Count);
        Assert.Equal(60, card.MoodCurve[0].Anger);
        Assert.Equal(3, card.Improvements.Count);
        Assert.Equal("cold_tone", card.Improvements[0].ItemId);
        Assert.Equal(2, card.Improvements[0].Turn);
        Assert.Contains(card.Improvements, i => i.Kind == "reply_time" && i.Turn == 2);
        Assert.Contains(card.Strengths, s => s.ItemId == "apology" && s.Turn == 1);
        Assert.Equal(4, card.EmotionViews.Count);
    }

    [Fact]
    public async Task A_model_evaluator_runs_besides_the_rules_and_its_verdict_is_kept()
    {
        var rules = new KeywordRules();
        var judge = new KeywordRules();
        var engines = new PracticeEngines(TestPersonas.Checklist(), rules, judge, new ScriptedCustomer());
        var session = new PracticeSession(TestPersonas.Gift(), engines, seed: 1);
        session.Start(T0);

        await session.ReplyAfterAsync("[apology] 抱歉", TimeSpan.FromSeconds(10));

        Assert.Equal(1, rules.Calls);
        Assert.Equal(1, judge.Calls);
    }
}
