using RolePlayBot.Core.Checklist;

namespace RolePlayBot.Core.Sessions;

/// <summary>
/// The /hint answer: what the customer still needs and which checklist behaviours would help most now,
/// without writing the reply for the trainee.
/// </summary>
public sealed class Hints(ChecklistDefinition checklist)
{
    /// <summary>The hint for the session's current state; counts it on the session.</summary>
    public string For(PracticeSession session)
    {
        session.RecordHint();
        var zh = Locales.IsChinese(session.Locale);
        var locale = zh ? Locales.Chinese : Locales.English;
        var parts = new List<string>();
        var unmet = session.UnmetNeeds();
        if (unmet.Count > 0)
        {
            parts.Add(zh ? $"客户真正在意的是：{unmet[0].Description}。" : $"What the customer really wants: {unmet[0].Description}.");
        }

        var last = session.Turns.LastOrDefault();
        var badLast = last is null
            ? []
            : checklist.Items.Where(i => i.IsAntiPattern && last.Evaluation.IsObserved(i.Id)).ToList();
        if (badLast.Count > 0)
        {
            parts.Add(zh ? $"上一句里出现了：{badLast[0].Description(locale)}——先修复这一点。" : $"Your last reply showed: {badLast[0].Description(locale)} — repair that first.");
        }

        var wanted = checklist.Items
            .Where(i => !i.IsAntiPattern && !session.ItemCounts.ContainsKey(i.Id))
            .OrderByDescending(i => i.Weight)
            .Take(2)
            .Select(i => i.Description(locale))
            .ToList();
        if (session.Turns.Count == 0)
        {
            wanted = [checklist[ChecklistItemIds.AcknowledgeReceipt].Description(locale), checklist[ChecklistItemIds.AcknowledgeEmotion].Description(locale)];
        }

        if (wanted.Count > 0)
        {
            parts.Add(zh ? $"还没做到、现在最有用的：{string.Join("；", wanted)}。" : $"Not shown yet and most useful now: {string.Join("; ", wanted)}.");
        }

        var facts = session.Persona.Facts;
        parts.Add(zh
            ? $"可用的订单信息：{facts.Product}，{facts.Amount}，订单号 {facts.OrderId}，{facts.OrderStatus}。"
            : $"Order facts you can use: {facts.Product}, {facts.Amount}, order {facts.OrderId}, {facts.OrderStatus}.");
        return string.Join(zh ? "" : " ", parts);
    }
}
