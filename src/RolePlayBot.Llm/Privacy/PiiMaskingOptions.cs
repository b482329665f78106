namespace RolePlayBot.Llm.Privacy;

/// <summary>
/// What is hidden from an external model ("Llm:Masking"). On by default: a trainee may paste a real customer's phone
/// number or address into a practice reply, and that must not leave the building. Each category can be switched off
/// where a deployment's model runs in-house and the detail helps the judge.
/// </summary>
public sealed class PiiMaskingOptions
{
    public const string SectionName = "Masking";

    public bool Enabled { get; set; } = true;

    /// <summary>Chinese mobiles (+86, spaces, dashes), landlines, 400/800 numbers, international numbers.</summary>
    public bool Phones { get; set; } = true;

    public bool Emails { get; set; } = true;

    /// <summary>Chinese addresses (省/市/区…路/街/巷…号/栋/单元/室) and English street addresses.</summary>
    public bool Addresses { get; set; } = true;

    /// <summary>Order numbers: long digit runs, and letters-and-digits after 订单号 / order no.</summary>
    public bool OrderIds { get; set; } = true;

    /// <summary>Mainland resident ID card numbers (18 characters).</summary>
    public bool IdCards { get; set; } = true;

    public bool Any => Enabled && (Phones || Emails || Addresses || OrderIds || IdCards);
}
