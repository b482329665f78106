using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Personas;

namespace RolePlayBot.Core.Evaluation.Feedback;

/// <summary>Model sentences, one per checklist behaviour, made concrete with the persona's order facts when there are any.</summary>
internal static class ReplyTemplates
{
    public static string? Sentence(string itemId, IssueKind kind, bool chinese, OrderFacts? facts) =>
        chinese ? Zh(itemId, kind, facts) : En(itemId, kind, facts);

    private static string? Zh(string itemId, IssueKind kind, OrderFacts? facts)
    {
        var product = Fact(facts?.Product) ?? "商品";
        var amount = Fact(facts?.Amount) is { } a ? $"{a}" : "";
        return itemId switch
        {
            ChecklistItemIds.AcknowledgeEmotion => kind switch
            {
                IssueKind.Delivery => "等了这么久还没收到，您一定很着急",
                IssueKind.Gift => "礼物等着送人却还没到，您一定特别着急",
                IssueKind.Allergy => "用了之后出现过敏，您一定很难受也很担心",
                IssueKind.Size => "衣服穿不上确实很扫兴",
                IssueKind.PriceDrop => "刚买就降价，确实让人很郁闷",
                IssueKind.WrongItem => "收到的不是您要的东西，一定很失望",
                IssueKind.Damaged => "收到的东西有损坏，一定很失望",
                _ => "遇到这样的问题，您一定很着急",
            },
            ChecklistItemIds.Apology => kind is IssueKind.Delivery or IssueKind.Gift or IssueKind.WrongItem or IssueKind.Damaged
                ? "这是我们这边的疏忽，非常抱歉"
                : "给您添麻烦了，真的非常抱歉",
            ChecklistItemIds.PerspectiveTaking => kind switch
            {
                IssueKind.Gift => "生日礼物耽误不得",
                IssueKind.Allergy => "您的身体最重要",
                IssueKind.PriceDrop => "换作是我，多花的差价也会觉得亏",
                _ => null,
            },
            ChecklistItemIds.AcknowledgeReceipt => Fact(facts?.OrderId) is { } id
                ? $"您的问题我已收到并记录（订单号{id}），正在为您核实"
                : "您的问题我已收到并记录，正在为您核实",
            ChecklistItemIds.ClarifyingQuestion => facts is not null ? null : kind switch
            {
                IssueKind.Allergy => "麻烦您拍一下过敏部位和产品批号发给我",
                IssueKind.Size => "方便告诉我您的身高体重和平时穿的尺码吗",
                IssueKind.WrongItem or IssueKind.Damaged => "麻烦您拍一下收到的商品和快递面单发给我",
                _ => "麻烦您发一下订单号，我马上核实",
            },
            ChecklistItemIds.ConcreteSolution => kind switch
            {
                IssueKind.Delivery => $"我已为您联系快递加急催件，如果今天仍没有新的物流信息，就直接为您补发{product}",
                IssueKind.Gift => $"我现在就为您升级顺丰次日达，把{product}加急发出",
                IssueKind.Allergy => $"请您先停用并用清水冲洗，必要时及时就医；我马上为您申请全额退款{amount}，就医费用也由我们承担",
                IssueKind.Size => "我为您安排免费换码，来回运费由我们承担，快递员上门取件",
                IssueKind.PriceDrop => "我马上为您申请差价补偿，差价原路退回",
                IssueKind.WrongItem => $"我今天就为您补发正确的{product}，错发的商品我们安排快递免费上门取回",
                IssueKind.Damaged => $"我马上为您补发一个新的{product}，或者直接为您全额退款{amount}，您看哪种更方便",
                IssueKind.Refund => $"我现在就为您提交退款{amount}，原路退回",
                _ => "我现在就为您处理，退款、换货或补发都可以由您来选",
            },
            ChecklistItemIds.ClearInformation => Fact(facts?.Logistics) is { } logistics
                && kind is IssueKind.Delivery or IssueKind.Gift or IssueKind.WrongItem or IssueKind.Damaged
                ? $"目前物流显示：{logistics}"
                : null,
            ChecklistItemIds.TimeCommitment => kind is IssueKind.Refund or IssueKind.PriceDrop
                ? "1-2个工作日内原路退回到您的支付账户"
                : "30分钟内给您明确答复",
            ChecklistItemIds.FollowUpCare => "处理好之后我会主动联系您确认，有问题随时找我",
            _ => null,
        };
    }

    private static string? En(string itemId, IssueKind kind, OrderFacts? facts)
    {
        var product = Fact(facts?.Product) ?? "the item";
        var amount = Fact(facts?.Amount) is { } a ? $" of {a}" : "";
        return itemId switch
        {
            ChecklistItemIds.AcknowledgeEmotion => kind switch
            {
                IssueKind.Delivery => "Waiting this long with no parcel must be really frustrating",
                IssueKind.Gift => "I can imagine how stressful it is when a gift is running late",
                IssueKind.Allergy => "A reaction like that must be painful and worrying",
                IssueKind.Size => "It's disappointing when something doesn't fit",
                IssueKind.PriceDrop => "Seeing the price drop right after you bought it feels unfair",
                IssueKind.WrongItem or IssueKind.Damaged => "Getting something that isn't right must be disappointing",
                _ => "I can see why this is frustrating",
            },
            ChecklistItemIds.Apology => kind is IssueKind.Delivery or IssueKind.Gift or IssueKind.WrongItem or IssueKind.Damaged
                ? "I'm sorry — that's on us"
                : "I'm really sorry you've had to deal with this",
            ChecklistItemIds.PerspectiveTaking => kind switch
            {
                IssueKind.Gift => "timing matters with a birthday gift",
                IssueKind.Allergy => "your health comes first",
                IssueKind.PriceDrop => "if I were you I'd want that money back too",
                _ => null,
            },
            ChecklistItemIds.AcknowledgeReceipt => Fact(facts?.OrderId) is { } id
                ? $"I've logged your case for order {id} and I'm checking it now"
                : "I've logged your case and I'm checking it now",
            ChecklistItemIds.ClarifyingQuestion => facts is not null ? null : kind switch
            {
                IssueKind.Allergy => "Could you send me a photo of the reaction and the batch number?",
                IssueKind.Size => "Could you tell me the size you usually wear?",
                IssueKind.WrongItem or IssueKind.Damaged => "Could you send me a photo of what you received?",
                _ => "Could you send me your order number?",
            },
            ChecklistItemIds.ConcreteSolution => kind switch
            {
                IssueKind.Delivery => $"I've asked the courier to prioritise your parcel, and if there's no movement today I'll reship {product}",
                IssueKind.Gift => $"I've upgraded {product} to overnight express",
                IssueKind.Allergy => $"Please stop using it and rinse with cool water; I'm arranging a full refund{amount}",
                IssueKind.Size => "I've set up a free exchange with a prepaid return label",
                IssueKind.PriceDrop => "I've applied price protection and I'm refunding the difference",
                IssueKind.WrongItem => $"I'm shipping the correct {product} today and arranging a free pickup for the wrong one",
                IssueKind.Damaged => $"I can send a replacement {product} or give you a full refund{amount} — whichever you prefer",
                IssueKind.Refund => $"I'm submitting your refund{amount} now",
                _ => "I'll sort this out for you — a refund, an exchange or a reship, whichever you prefer",
            },
            ChecklistItemIds.ClearInformation => Fact(facts?.Logistics) is { } logistics
                && kind is IssueKind.Delivery or IssueKind.Gift or IssueKind.WrongItem or IssueKind.Damaged
                ? $"Right now the tracking shows: {logistics}"
                : null,
            ChecklistItemIds.TimeCommitment => kind is IssueKind.Refund or IssueKind.PriceDrop
                ? "It will reach your original payment method within 2 business days"
                : "You'll have a clear answer from me within 30 minutes",
            ChecklistItemIds.FollowUpCare => "I'll check back with you once it's done, and feel free to reach me any time",
            _ => null,
        };
    }

    private static string? Fact(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
