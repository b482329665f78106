using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Customers;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Personas;
using RolePlayBot.Core.Sessions;
using RolePlayBot.Core.Tests.Personas;

namespace RolePlayBot.Core.Tests.Sessions;

/// <summary>
/// Every shipped persona, played by the offline engine with the real checklist and rules, is resolved by a
/// good agent and escalates against a bad one (the agent scripts in TestData/agents).
/// </summary>
public sealed class PersonaOutcomeTests
{
    private static readonly Lazy<ChecklistDefinition> Checklist = new(() => ChecklistLoader.Load(Path.Combine(RepoPaths.RepoRoot, "checklist.yaml")));

    public static TheoryData<string, string> Personas()
    {
        var data = new TheoryData<string, string>();
        foreach (var persona in ShippedPersonaFiles.Catalog.All)
        {
            data.Add(persona.Id, persona.Locale);
        }

        return data;
    }

    private static async Task<PracticeSession> PlayAsync(string id, string locale, string kind)
    {
        var persona = ShippedPersonaFiles.Catalog.Find(id, locale)!;
        var rules = new RuleEvaluator(Checklist.Value);
        var engines = new PracticeEngines(Checklist.Value, rules, rules, new ScriptedCustomer(new PromisedTime(Checklist.Value)));
        var session = new PracticeSession(persona, engines, seed: 1);
        session.Start(new DateTimeOffset(2026, 11, 22, 14, 0, 0, TimeSpan.Zero));
        foreach (var reply in AgentScript.Read(Path.Combine(RepoPaths.AgentScripts, $"{id}.{locale}.{kind}.txt")))
        {
            if (session.IsOver)
            {
                break;
            }

            await session.ReplyAfterAsync(reply, TimeSpan.FromSeconds(25));
        }

        return session;
    }

    private static string Trace(PracticeSession session) => string.Join("\n", session.Turns.Select(t =>
        $"turn {t.Index}: anger {t.MoodBefore.Anger}->{t.MoodAfter.Anger}, observed [{string.Join(",", t.Evaluation.Items.Where(o => o.Observed).Select(o => o.ItemId))}], needs met [{string.Join(",", t.NeedsMet)}]"))
        + $"\nunmet: [{string.Join(",", session.UnmetNeeds().Where(n => n.Required).Select(n => n.Id))}]";

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task A_good_agent_resolves_the_case(string id, string locale)
    {
        var session = await PlayAsync(id, locale, "good");

        Assert.True(session.Outcome == Outcome.Resolved, $"{id}.{locale}: {session.Outcome}\n{Trace(session)}");
        Assert.Contains(session.Turns[^1].CustomerReply!.Text, session.Persona.Lines.Resolution.Select(l => LineTemplate.Fill(l, session.Persona.Facts)));
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task A_bad_agent_makes_the_customer_escalate(string id, string locale)
    {
        var session = await PlayAsync(id, locale, "bad");

        Assert.True(session.Outcome == Outcome.Escalated, $"{id}.{locale}: {session.Outcome}\n{Trace(session)}");
        Assert.Contains(session.Turns[^1].CustomerReply!.Text, session.Persona.Lines.Escalation.Select(l => LineTemplate.Fill(l, session.Persona.Facts)));
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task The_customer_never_repeats_a_line_word_for_word_within_a_session(string id, string locale)
    {
        var session = await PlayAsync(id, locale, "good");
        var customerLines = session.Transcript.Where(l => l.Speaker == Speaker.Customer).Select(l => l.Text).ToList();

        Assert.Equal(customerLines.Count, customerLines.Distinct().Count());
    }
}
