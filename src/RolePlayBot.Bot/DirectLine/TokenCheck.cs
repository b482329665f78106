namespace RolePlayBot.Bot.DirectLine;

/// <summary>The outcome of checking a token: missing → 401; invalid, expired or for another conversation → 403.</summary>
internal enum TokenCheck
{
    Valid,
    Missing,
    Invalid,
    Expired,
}
