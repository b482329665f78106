using RolePlayBot.Core.Customers;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Mood;
using RolePlayBot.Core.Prompts;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Core.Tests.Personas;

/// <summary>Every shipped persona renders the shipped customer prompt completely: character, facts and needs, no placeholder left.</summary>
public sealed class PersonaPromptTests
{
    private static readonly Lazy<PromptTemplate> Template = new(() => PromptTemplate.Load(Path.Combine(RepoPaths.RepoRoot, "prompts", "customer.prompty")));

    public static TheoryData<string, string> Personas()
    {
        var data = new TheoryData<string, string>();
        foreach (var persona in ShippedPersonaFiles.Catalog.All)
        {
            data.Add(persona.Id, persona.Locale);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public void The_customer_prompt_renders_with_this_persona(string id, string locale)
    {
        var persona = ShippedPersonaFiles.Catalog.Find(id, locale)!;
        var transcript = new List<TranscriptLine> { new(Speaker.Customer, persona.Opening), new(Speaker.Trainee, "您好，请问订单号是多少？") };
        var context = new CustomerContext(persona, transcript, null, new MoodState(60, 50), new MoodState(55, 48), Outcome.Ongoing, persona.HiddenNeeds, [], new Random(1));

        var rendered = Template.Value.Render(CustomerPromptInputs.From(context));
        var all = string.Join("\n", rendered.Messages.Select(m => m.Text));

        Assert.Contains(persona.Name, all);
        Assert.Contains(persona.Facts.OrderId, all);
        Assert.Contains(persona.Facts.Amount, all);
        Assert.Contains(persona.Character.Trim().Split('\n')[0].Trim(), all);
        Assert.Contains("您好，请问订单号是多少？", all);
        Assert.All(persona.HiddenNeeds, n => Assert.Contains(n.Description, all));
        Assert.DoesNotContain("{{", all);
        Assert.DoesNotContain("}}", all);
    }
}
