using Microsoft.Extensions.AI;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Customers;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Mood;
using RolePlayBot.Core.Personas;
using RolePlayBot.Core.Prompts;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Llm.Tests.Fakes;

internal static class Samples
{
    public const string CustomerMessage = "我买的电热水壶到手就漏水，等了一个星期就等来这个？你们到底管不管？";

    public const string GoodReply = "非常抱歉让您收到漏水的水壶，等了这么久一定很着急。已为您安排换货，今天18点前发出，发货后我再提醒您单号。";

    public static PromptTemplate CustomerTemplate => PromptTemplate.Load(Path.Combine(AppContext.BaseDirectory, "prompts", "customer.prompty"));

    public static PromptTemplate JudgeTemplate => PromptTemplate.Load(Path.Combine(AppContext.BaseDirectory, "prompts", "judge.prompty"));

    public static LlmOptions Options(string endpoint, double timeoutSeconds = 5, int maxRetries = 2) => new()
    {
        Endpoint = endpoint,
        Model = "test-model",
        ApiKey = "test-key",
        TimeoutSeconds = timeoutSeconds,
        MaxRetries = maxRetries,
        RetryDelaySeconds = 0.01,
        MaxRetryDelaySeconds = 2,
    };

    public static IChatClient Client(FakeChatServer server, double timeoutSeconds = 5, int maxRetries = 2) =>
        ChatClientFactory.Create(Options(server.OpenAiEndpoint, timeoutSeconds, maxRetries));

    public static Persona Persona() => new()
    {
        Id = "leaky-kettle",
        Name = "王女士",
        Locale = "zh-CN",
        Dimension = Dimension.Emotion,
        Difficulty = 3,
        Scenario = "网购的电热水壶到货后漏水，物流还比承诺晚了三天。",
        Facts = new OrderFacts
        {
            Product = "不锈钢电热水壶 1.7L",
            Amount = "129元",
            OrderId = "TB20240512001",
            OrderDate = "5月12日",
            OrderStatus = "已签收",
            Logistics = "中通快递，5月19日签收",
            Extra = new Dictionary<string, string> { ["promised_delivery"] = "5月16日" },
        },
        Opening = "水壶漏水！",
        HiddenNeeds =
        [
            new HiddenNeed { Id = "exchange", Description = "想尽快换一个不漏水的新壶", Reminders = ["那到底什么时候给我换？"] },
            new HiddenNeed { Id = "respect", Description = "希望客服承认等了太久", Reminders = ["我等了一个星期啊！"], Required = false },
        ],
        Mood = new PersonaMood { Anger = 70, Patience = 40 },
        Lines = new PersonaLines
        {
            Escalation = ["我要给差评！"],
            Resolution = ["好吧，那就这样。"],
            Abandon = ["算了。"],
            Chase = ["在吗？"],
            GiveInfo = ["订单号TB20240512001"],
            HoldToTime = ["好，那我等到{{promised}}"],
            Blamed = ["你什么意思？"],
            Brushed = ["就这？"],
            Vague = ["所以呢？"],
            Softening = ["嗯，那还行。"],
            ByMood = new MoodLines { Calm = ["好的"], Upset = ["快点"], Angry = ["气死了"] },
        },
        Character = "三十多岁的上班族，说话直接，讨厌被敷衍，但对真诚道歉的人会软下来。",
    };

    public static CustomerContext Context(Outcome outcome = Outcome.Ongoing, CustomerTurnKind kind = CustomerTurnKind.Answer)
    {
        var persona = Persona();
        return new CustomerContext(
            persona,
            [
                new TranscriptLine(Speaker.Customer, CustomerMessage),
                new TranscriptLine(Speaker.Trainee, GoodReply),
            ],
            null,
            new MoodState(70, 40),
            new MoodState(55, 45),
            outcome,
            persona.HiddenNeeds,
            [],
            new Random(7),
            kind);
    }

    public static EvaluationRequest Request(string reply, string locale = "zh-CN") =>
        new(reply, CustomerMessage, locale, Persona());
}
