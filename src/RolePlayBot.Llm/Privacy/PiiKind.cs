namespace RolePlayBot.Llm.Privacy;

/// <summary>
/// A category of private detail, named as its placeholder names it (<c>[MOBILE_1]</c>). Placeholders are ASCII so
/// that a model answering in JSON cannot escape them into something else (<c>\u624b…</c>) on the way back.
/// </summary>
public sealed record PiiKind(string Label)
{
    public static readonly PiiKind Mobile = new("MOBILE");
    public static readonly PiiKind Phone = new("PHONE");
    public static readonly PiiKind Email = new("EMAIL");
    public static readonly PiiKind Address = new("ADDRESS");
    public static readonly PiiKind OrderId = new("ORDER");
    public static readonly PiiKind IdCard = new("ID_CARD");

    public static IReadOnlyList<PiiKind> All { get; } = [Mobile, Phone, Email, Address, OrderId, IdCard];
}
