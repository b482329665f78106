using Microsoft.Extensions.DependencyInjection;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Customers;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Sessions;
using RolePlayBot.Llm;

namespace RolePlayBot.Bot.Tests.Conversations;

public sealed class ModelEngineTests
{
    /// <summary>A "model" customer whose every call fell back to the offline engine.</summary>
    private sealed class FallingBackCustomer : ICustomerEngine
    {
        public Task<CustomerMessage> NextAsync(CustomerContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(new CustomerMessage("那你们打算怎么处理？", CustomerMessage.Fallback, ["timeout"]));
    }

    [Fact]
    public async Task With_a_model_the_trainee_sees_typing_first_and_a_note_when_the_offline_engine_answered()
    {
        using var chat = new ChatHarness(services: s => s.AddSingleton(sp =>
        {
            var checklist = sp.GetRequiredService<ChecklistDefinition>();
            var rules = new RuleEvaluator(checklist);
            return new EngineSetup(new PracticeEngines(checklist, rules, rules, new FallingBackCustomer()), "model", true, "test model");
        }));
        await chat.SayAsync("start allergy-complaint");

        var replied = await chat.SayAsync("您好，已收到您的反馈。");

        Assert.Equal(ActivityTypes.Typing, replied[0].Type);
        var texts = Sent.Texts(replied);
        Assert.Contains(texts, t => t.Contains("那你们打算怎么处理？"));
        Assert.Contains(texts, t => t.Contains("离线引擎"));
    }
}
