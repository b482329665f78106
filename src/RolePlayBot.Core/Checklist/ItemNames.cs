namespace RolePlayBot.Core.Checklist;

/// <summary>Short display names of the 13 contract items, in the courses' words; custom items show their id.</summary>
public static class ItemNames
{
    private static readonly Dictionary<string, (string Zh, string En)> Defaults = new(StringComparer.Ordinal)
    {
        [ChecklistItemIds.AcknowledgeReceipt] = ("确认收到", "Acknowledge receipt"),
        [ChecklistItemIds.TimeCommitment] = ("承诺时限", "Time commitment"),
        [ChecklistItemIds.ConcreteSolution] = ("具体方案", "Concrete solution"),
        [ChecklistItemIds.ClearInformation] = ("信息清晰", "Clear information"),
        [ChecklistItemIds.ClarifyingQuestion] = ("询问细节", "Clarifying question"),
        [ChecklistItemIds.AcknowledgeEmotion] = ("情感表达", "Acknowledge emotion"),
        [ChecklistItemIds.Apology] = ("真诚道歉", "Apology"),
        [ChecklistItemIds.PerspectiveTaking] = ("换位思考", "Perspective taking"),
        [ChecklistItemIds.FollowUpCare] = ("持续关怀", "Follow-up care"),
        [ChecklistItemIds.BlameShifting] = ("责任推卸", "Blame-shifting"),
        [ChecklistItemIds.ColdTone] = ("态度冷漠", "Cold tone"),
        [ChecklistItemIds.Impatience] = ("不耐烦", "Impatience"),
        [ChecklistItemIds.PresumedBadFaith] = ("认知偏差", "Presumed bad faith"),
    };

    public static string Of(string itemId, string locale) =>
        Defaults.TryGetValue(itemId, out var names) ? (Locales.IsChinese(locale) ? names.Zh : names.En) : itemId;

    /// <summary>The description up to its "not enough" part, for one-line use.</summary>
    public static string Gist(string description)
    {
        var cut = description.IndexOfAny(['；', ';']);
        var gist = cut > 0 ? description[..cut] : description;
        return gist.TrimEnd('。', '.', ' ');
    }
}
