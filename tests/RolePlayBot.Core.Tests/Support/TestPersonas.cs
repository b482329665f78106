using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Mood;
using RolePlayBot.Core.Personas;

namespace RolePlayBot.Core.Tests.Support;

/// <summary>A small persona built in code, so mood and session tests do not depend on the shipped files.</summary>
internal static class TestPersonas
{
    public static Persona Gift(int difficulty = 3, string locale = "zh-CN") => new()
    {
        Id = "late-gift-test",
        Name = "测试客户",
        Locale = locale,
        Dimension = Dimension.Speed,
        Difficulty = difficulty,
        Scenario = "生日礼物还没到。",
        Facts = new OrderFacts
        {
            Product = "香薰礼盒",
            Amount = "268元",
            OrderId = "2026111100001",
            OrderDate = "11月11日",
            OrderStatus = "运输中",
            Logistics = "顺丰 SF100 11月13日 到达杭州中转",
        },
        Opening = "我买的{{product}}怎么还没到？明天就是生日了！",
        HiddenNeeds =
        [
            new HiddenNeed
            {
                Id = "arrive",
                Description = "明天之前送到",
                MetByItems = [ChecklistItemIds.ConcreteSolution],
                MetByKeywords = ["加急", "补发"],
                Reminders = ["能不能明天前送到？", "我就问明天能不能到！"],
            },
        ],
        Mood = new PersonaMood { Anger = 60, Patience = 60, EscalateAt = 90, ResolveAt = 35, ChaseAfterSeconds = 60, LeaveAfterSeconds = 300 },
        Reactions = new Dictionary<string, MoodEffect> { [ChecklistItemIds.PerspectiveTaking] = new(-15, 5) },
        Lines = new PersonaLines
        {
            Escalation = ["我要给差评！"],
            Resolution = ["好吧，谢谢。"],
            Abandon = ["算了，不等了。"],
            Chase = ["在吗？", "还有人吗？"],
            GiveInfo = ["订单号{{order_id}}。"],
            HoldToTime = ["好，我等到{{promised}}。"],
            Blamed = ["你这是什么态度？"],
            Brushed = ["就这？"],
            Vague = ["你说的我听不懂。"],
            Softening = ["嗯，你这么说我好受点。"],
            ByMood = new MoodLines { Calm = ["好的。"], Upset = ["快点吧。"], Angry = ["气死我了！"] },
        },
        Character = "一个着急的顾客。",
    };

    /// <summary>The 13 contract items with plain default effects, standing in for the shipped checklist file.</summary>
    public static ChecklistDefinition Checklist()
    {
        ChecklistItem Item(string id, Dimension d, bool anti, int anger, int patience, params EmotionView[] views) =>
            new(id, d, anti, id, id, 1, new MoodEffect(anger, patience), views, []);
        return new ChecklistDefinition(
        [
            Item(ChecklistItemIds.AcknowledgeReceipt, Dimension.Speed, false, -4, 3),
            Item(ChecklistItemIds.TimeCommitment, Dimension.Speed, false, -6, 5),
            Item(ChecklistItemIds.ConcreteSolution, Dimension.Detail, false, -12, 5),
            Item(ChecklistItemIds.ClearInformation, Dimension.Detail, false, -4, 3),
            Item(ChecklistItemIds.ClarifyingQuestion, Dimension.Detail, false, 0, 3),
            Item(ChecklistItemIds.AcknowledgeEmotion, Dimension.Emotion, false, -10, 3, EmotionView.Recognition, EmotionView.Empathy),
            Item(ChecklistItemIds.Apology, Dimension.Emotion, false, -8, 2, EmotionView.Expression),
            Item(ChecklistItemIds.PerspectiveTaking, Dimension.Emotion, false, -8, 3, EmotionView.Empathy),
            Item(ChecklistItemIds.FollowUpCare, Dimension.Emotion, false, -5, 3, EmotionView.Expression),
            Item(ChecklistItemIds.BlameShifting, Dimension.AntiPattern, true, 25, -15),
            Item(ChecklistItemIds.ColdTone, Dimension.AntiPattern, true, 12, -8, EmotionView.Regulation),
            Item(ChecklistItemIds.Impatience, Dimension.AntiPattern, true, 18, -10, EmotionView.Regulation),
            Item(ChecklistItemIds.PresumedBadFaith, Dimension.AntiPattern, true, 30, -15, EmotionView.Recognition),
        ]);
    }
}
