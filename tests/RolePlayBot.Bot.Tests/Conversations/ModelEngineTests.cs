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

    /// <summary>A "model" customer that answers only when the test lets it.</summary>
    private sealed class SlowCustomer : ICustomerEngine
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<CustomerMessage> NextAsync(CustomerContext context, CancellationToken cancellationToken = default)
        {
            await Release.Task.WaitAsync(cancellationToken);
            return new CustomerMessage("好吧，你说说怎么处理。", CustomerMessage.Model);
        }
    }

    [Fact]
    public async Task While_a_slow_model_thinks_the_typing_indicator_is_repeated_and_stops_with_the_answer()
    {
        var slow = new SlowCustomer();
        using var chat = new ChatHarness(
            services: s => s.AddSingleton(sp =>
            {
                var checklist = sp.GetRequiredService<ChecklistDefinition>();
                var rules = new RuleEvaluator(checklist);
                return new EngineSetup(new PracticeEngines(checklist, rules, rules, slow), "model", true, "test model");
            }),
            settings: new() { ["Conversations:TypingIntervalSeconds"] = "0.05" });
        await chat.SayAsync("start allergy-complaint");
        var mark = chat.Mark;

        var replying = chat.SayAsync("您好，已收到您的反馈。");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (chat.SentSince(mark).Count(a => a.Type == ActivityTypes.Typing) < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(chat.SentSince(mark).Count(a => a.Type == ActivityTypes.Typing) >= 3, "typing was not repeated while the model worked");
        slow.Release.SetResult();
        await replying;
        var typingAfterAnswer = chat.SentSince(mark).SkipWhile(a => a.Type == ActivityTypes.Typing).Count(a => a.Type == ActivityTypes.Typing);
        Assert.Equal(0, typingAfterAnswer);
        Assert.Contains(Sent.Texts(chat.SentSince(mark)), t => t.Contains("好吧，你说说怎么处理。"));
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
