namespace RolePlayBot.Bot.Dashboard.Auth;

/// <summary>What a valid sign-in link says: who, where to go, until when, and its one-time id.</summary>
public sealed record SignInTicket(string UserId, string Name, string ReturnPath, DateTimeOffset ExpiresAt, string Nonce);

/// <summary>Why a sign-in link was refused.</summary>
public enum SignInRefusal
{
    None,
    Malformed,
    BadSignature,
    Expired,
    AlreadyUsed,
}
