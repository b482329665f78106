using System.Text.RegularExpressions;

namespace RolePlayBot.Core.Evaluation.Feedback;

/// <summary>Guesses the kind of problem from the customer's words and the persona's scenario (first match wins).</summary>
internal static partial class IssueClassifier
{
    public static IssueKind Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return IssueKind.General;
        }

        return Allergy().IsMatch(text) ? IssueKind.Allergy
            : WrongItem().IsMatch(text) ? IssueKind.WrongItem
            : Damaged().IsMatch(text) ? IssueKind.Damaged
            : PriceDrop().IsMatch(text) ? IssueKind.PriceDrop
            : Size().IsMatch(text) ? IssueKind.Size
            : Gift().IsMatch(text) ? IssueKind.Gift
            : Delivery().IsMatch(text) ? IssueKind.Delivery
            : Refund().IsMatch(text) ? IssueKind.Refund
            : IssueKind.General;
    }

    [GeneratedRegex("过敏|红肿|痒|皮肤|allerg|rash|skin|itch", RegexOptions.IgnoreCase)]
    private static partial Regex Allergy();

    [GeneratedRegex("发错|错发|不是我买的|颜色不对|wrong (item|colou?r|size|product)|sent (me )?the wrong", RegexOptions.IgnoreCase)]
    private static partial Regex WrongItem();

    [GeneratedRegex("碎|破损|坏了|划痕|瑕疵|裂|damaged|broken|scratch|crack|defect", RegexOptions.IgnoreCase)]
    private static partial Regex Damaged();

    [GeneratedRegex("降价|差价|价保|便宜了|price (drop|protection)|dropped|cheaper", RegexOptions.IgnoreCase)]
    private static partial Regex PriceDrop();

    [GeneratedRegex("尺码|码数|大小|穿不上|偏小|偏大|不合身|size|fit", RegexOptions.IgnoreCase)]
    private static partial Regex Size();

    [GeneratedRegex("生日|礼物|送人|纪念日|birthday|gift|anniversary", RegexOptions.IgnoreCase)]
    private static partial Regex Gift();

    [GeneratedRegex("快递|物流|没收到|没到|发货|派送|在吗|late|deliver|shipp|package|parcel|tracking|courier", RegexOptions.IgnoreCase)]
    private static partial Regex Delivery();

    [GeneratedRegex("退款|退货|refund|return", RegexOptions.IgnoreCase)]
    private static partial Regex Refund();
}
