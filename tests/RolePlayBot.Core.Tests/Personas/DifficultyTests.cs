using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Personas;

namespace RolePlayBot.Core.Tests.Personas;

/// <summary>
/// Difficulty must show in the numbers the engines use, not only in the label: across the shipped personas,
/// each step up in difficulty is, on average, no easier on any of these measures than the step below.
/// </summary>
public sealed class DifficultyTests
{
    public static TheoryData<string> Measures => ["start anger", "patience", "chase after", "escalation margin", "reward", "penalty", "required needs"];

    [Theory]
    [MemberData(nameof(Measures))]
    public void Harder_personas_are_harder_on_average(string measure)
    {
        Func<Persona, double> hardness = measure switch
        {
            "start anger" => p => p.Mood.Anger,
            "patience" => p => -p.Mood.Patience,
            "chase after" => p => -p.Mood.ChaseAfterSeconds,
            "escalation margin" => p => -(p.Mood.EscalateAt - p.Mood.Anger),
            "reward" => p => -MeanAngerDrop(p),
            "penalty" => p => MeanAngerRise(p),
            "required needs" => p => p.HiddenNeeds.Count(n => n.Required),
            _ => throw new ArgumentOutOfRangeException(nameof(measure)),
        };

        var byDifficulty = ShippedPersonaFiles.Catalog.All
            .GroupBy(p => p.Difficulty)
            .OrderBy(g => g.Key)
            .Select(g => (Difficulty: g.Key, Mean: g.Average(hardness)))
            .ToList();

        Assert.Equal(5, byDifficulty.Count);
        foreach (var (easier, harder) in byDifficulty.Zip(byDifficulty.Skip(1)))
        {
            Assert.True(harder.Mean >= easier.Mean,
                $"{measure}: difficulty {harder.Difficulty} averages {harder.Mean:0.##}, easier than difficulty {easier.Difficulty} ({easier.Mean:0.##})");
        }

        Assert.True(byDifficulty[^1].Mean > byDifficulty[0].Mean, $"{measure}: difficulty 5 is no harder than difficulty 1");
    }

    [Fact]
    public void Every_persona_overrides_every_anti_pattern_and_some_behaviours()
    {
        foreach (var persona in ShippedPersonaFiles.Catalog.All)
        {
            Assert.All(ChecklistItemIds.AntiPatterns, id => Assert.True(persona.Reactions.ContainsKey(id), $"{persona.Id} has no reaction for {id}"));
            Assert.True(persona.Reactions.Keys.Count(k => !ChecklistItemIds.AntiPatterns.Contains(k)) >= 3, $"{persona.Id} overrides fewer than 3 behaviours");
            Assert.All(persona.Reactions.Where(r => !ChecklistItemIds.AntiPatterns.Contains(r.Key)), r => Assert.True(r.Value.Anger < 0, $"{persona.Id}: {r.Key} should calm"));
        }
    }

    private static double MeanAngerDrop(Persona p) =>
        p.Reactions.Where(r => !ChecklistItemIds.AntiPatterns.Contains(r.Key)).Average(r => -r.Value.Anger);

    private static double MeanAngerRise(Persona p) =>
        p.Reactions.Where(r => ChecklistItemIds.AntiPatterns.Contains(r.Key)).Average(r => r.Value.Anger);
}
