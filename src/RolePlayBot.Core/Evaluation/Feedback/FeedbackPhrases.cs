using RolePlayBot.Core.Checklist;

namespace RolePlayBot.Core.Evaluation.Feedback;

/// <summary>The wording feedback uses for each contract item; custom items fall back to their description.</summary>
internal static class FeedbackPhrases
{
    private static readonly Dictionary<string, ItemPhrase> Zh = new(StringComparer.Ordinal)
    {
        [ChecklistItemIds.AcknowledgeReceipt] = new("确认收到", "让客户知道问题已经有人接手", "先确认收到并在处理（如“已收到您的反馈，正在为您核实”）"),
        [ChecklistItemIds.TimeCommitment] = new("明确时限", "给了客户一个可以等的时间点", "给出具体时限（如“30分钟内给您答复”，“尽快”“马上”不算）"),
        [ChecklistItemIds.ConcreteSolution] = new("具体方案", "说清了店铺要做什么", "说出具体方案（退款金额、换货或补发）"),
        [ChecklistItemIds.ClearInformation] = new("清晰信息", "给了客户用得上的具体信息", "给出客户用得上的信息（物流节点、金额或操作步骤）"),
        [ChecklistItemIds.ClarifyingQuestion] = new("澄清提问", "问到了解决问题需要的信息", "问清关键信息（订单号、照片）"),
        [ChecklistItemIds.AcknowledgeEmotion] = new("认可情绪", "说出了客户的感受", "点出客户的感受并联系到他的遭遇（如“等了这么久一定很着急”）"),
        [ChecklistItemIds.Apology] = new("真诚道歉", "为客户的遭遇道了歉", "一句承担责任的道歉（如“这是我们的疏忽，非常抱歉”）"),
        [ChecklistItemIds.PerspectiveTaking] = new("换位思考", "看到了客户真正在意的东西", "站在客户的处境说话（礼物赶不上、健康要紧、多花了钱）"),
        [ChecklistItemIds.FollowUpCare] = new("持续跟进", "承诺了后续跟进", "承诺后续跟进（如“处理好后我再通知您”）"),
        [ChecklistItemIds.BlameShifting] = new("推卸责任", "把责任推给了别人，客户只会更生气；可以说明原因，但要接着说你来怎么解决", ""),
        [ChecklistItemIds.ColdTone] = new("态度冷漠", "听起来生硬、敷衍，客户会觉得没人在乎", ""),
        [ChecklistItemIds.Impatience] = new("不耐烦", "流露出不耐烦，会直接激化矛盾", ""),
        [ChecklistItemIds.PresumedBadFaith] = new("认知偏差", "先认定客户别有用心，正常的投诉也会被你激化；要凭证就中立地要", ""),
    };

    private static readonly Dictionary<string, ItemPhrase> En = new(StringComparer.Ordinal)
    {
        [ChecklistItemIds.AcknowledgeReceipt] = new("acknowledging receipt", "tells the customer someone has picked it up", "confirm you have it and are on it (\"I've logged this and I'm checking now\")"),
        [ChecklistItemIds.TimeCommitment] = new("a time commitment", "gives the customer a time to hold you to", "a concrete time (\"within 30 minutes\" — \"soon\" doesn't count)"),
        [ChecklistItemIds.ConcreteSolution] = new("a concrete solution", "says exactly what the shop will do", "a concrete solution (a refund amount, an exchange or a reship)"),
        [ChecklistItemIds.ClearInformation] = new("clear information", "gives facts the customer can use", "facts the customer can use (where the parcel is, the amount, the steps)"),
        [ChecklistItemIds.ClarifyingQuestion] = new("a clarifying question", "asks for what you need to solve it", "a question for what you need (order number, a photo)"),
        [ChecklistItemIds.AcknowledgeEmotion] = new("acknowledging the feeling", "names how the customer feels", "name the customer's feeling and tie it to what happened (\"waiting this long must be frustrating\")"),
        [ChecklistItemIds.Apology] = new("an apology", "apologises for what the customer went through", "an apology that owns it (\"that's on us, I'm sorry\")"),
        [ChecklistItemIds.PerspectiveTaking] = new("perspective-taking", "shows you see what is at stake for them", "show you see their stake (a deadline, their health, their money)"),
        [ChecklistItemIds.FollowUpCare] = new("follow-up", "promises to come back to them", "a follow-up promise (\"I'll message you once it ships\")"),
        [ChecklistItemIds.BlameShifting] = new("blame-shifting", "pushes the responsibility away, which only makes the customer angrier; explain the cause if you like, but then own the fix", ""),
        [ChecklistItemIds.ColdTone] = new("a cold tone", "sounds curt and robotic, as if nobody cares", ""),
        [ChecklistItemIds.Impatience] = new("impatience", "shows irritation, which escalates the conflict", ""),
        [ChecklistItemIds.PresumedBadFaith] = new("presuming bad faith", "assumes the customer is acting in bad faith, which turns a normal complaint into a fight; ask for evidence neutrally instead", ""),
    };

    public static ItemPhrase For(ChecklistItem item, bool chinese)
    {
        var table = chinese ? Zh : En;
        if (table.TryGetValue(item.Id, out var phrase))
        {
            return phrase;
        }

        var description = item.Description(chinese ? Locales.Chinese : Locales.English);
        return item.IsAntiPattern
            ? new ItemPhrase(item.Id, chinese ? $"属于“{description}”" : $"is an anti-pattern: {description}", "")
            : new ItemPhrase(item.Id, chinese ? "做到了这一点" : "does this well", description);
    }
}
