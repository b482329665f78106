using System.Text.Json;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Customers;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Reports;
using RolePlayBot.Core.Sessions;
using RolePlayBot.Core.Tests.Personas;

namespace RolePlayBot.Core.Tests.Sessions;

/// <summary>A session stored as JSON mid-conversation and restored continues exactly as if nothing had happened.</summary>
public sealed class SessionSnapshotTests
{
    private static readonly Lazy<ChecklistDefinition> Checklist = new(() => ChecklistLoader.Load(Path.Combine(RepoPaths.RepoRoot, "checklist.yaml")));
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 14, 0, 0, TimeSpan.Zero);

    private static PracticeEngines Engines()
    {
        var rules = new RuleEvaluator(Checklist.Value);
        return new PracticeEngines(Checklist.Value, rules, rules, new ScriptedCustomer(new PromisedTime(Checklist.Value)));
    }

    private static readonly (string Text, int Seconds)[] Replies =
    [
        ("您好，已收到您的反馈，非常抱歉。", 20),
        ("请问订单号是多少？", 130),
        ("嗯", 15),
        ("我给您全额退款189元，24小时内到账，到账后我再提醒您。", 25),
    ];

    [Fact]
    public async Task A_restored_session_continues_word_for_word_like_the_uninterrupted_one()
    {
        var persona = ShippedPersonaFiles.Catalog.Find("allergy-complaint", "zh-CN")!;
        var straight = new PracticeSession(persona, Engines(), seed: 42);
        straight.Start(T0);
        foreach (var (text, seconds) in Replies.TakeWhile(_ => !straight.IsOver))
        {
            await straight.ReplyAfterAsync(text, TimeSpan.FromSeconds(seconds));
        }

        var first = new PracticeSession(persona, Engines(), seed: 42);
        first.Start(T0);
        await first.ReplyAfterAsync(Replies[0].Text, TimeSpan.FromSeconds(Replies[0].Seconds));
        await first.CheckWaitingAsync(first.LastCustomerMessageAt.AddSeconds(50));   // a chaser is pending when the bot stops
        var stored = JsonSerializer.Serialize(first.Snapshot(), RpbJson.Options);

        var snapshot = JsonSerializer.Deserialize<SessionSnapshot>(stored, RpbJson.Options)!;
        var resumed = PracticeSession.Restore(snapshot, persona, Engines());
        foreach (var (text, seconds) in Replies.Skip(1).TakeWhile(_ => !resumed.IsOver))
        {
            await resumed.ReplyAfterAsync(text, TimeSpan.FromSeconds(seconds));
        }

        Assert.True(straight.Turns.Count >= 3, "the conversation should outlast the restore point");

        Assert.Equal(straight.Transcript, resumed.Transcript);
        Assert.Equal(straight.Mood, resumed.Mood);
        Assert.Equal(straight.Outcome, resumed.Outcome);
        Assert.Equal(straight.Turns.Select(t => t.Evaluation.Items), resumed.Turns.Select(t => t.Evaluation.Items));
        Assert.Equal(straight.Turns.Select(t => t.MoodAfter), resumed.Turns.Select(t => t.MoodAfter));
        Assert.Equal(first.Id, resumed.Id);
    }

    [Fact]
    public void The_session_random_state_round_trips()
    {
        var a = new SessionRandom(7);
        a.Next(10);
        a.Next(100);
        var b = SessionRandom.FromState(a.State);

        Assert.Equal(Enumerable.Range(0, 20).Select(_ => a.Next(1000)), Enumerable.Range(0, 20).Select(_ => b.Next(1000)));
    }

    [Fact]
    public void A_snapshot_of_another_persona_is_refused()
    {
        var persona = ShippedPersonaFiles.Catalog.Find("allergy-complaint", "zh-CN")!;
        var other = ShippedPersonaFiles.Catalog.Find("wrong-item", "zh-CN")!;
        var session = new PracticeSession(persona, Engines(), seed: 1);
        session.Start(T0);

        Assert.Throws<ArgumentException>(() => PracticeSession.Restore(session.Snapshot(), other, Engines()));
    }
}
