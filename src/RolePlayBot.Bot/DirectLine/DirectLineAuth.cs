using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RolePlayBot.Bot.DirectLine;

/// <summary>
/// Who may touch a conversation: a token reads and writes only its own conversation (401 without a token, 403 with
/// an invalid, expired or foreign one). A configured secret, meant for server-side callers only, may touch any.
/// </summary>
internal sealed class DirectLineAuth(DirectLineTokens tokens, IOptions<DirectLineOptions> options)
{
    public static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    public bool IsSecret(string? bearer)
    {
        var secret = options.Value.Secret;
        return !options.Value.IsAzure && !string.IsNullOrEmpty(secret) && bearer is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(bearer), Encoding.UTF8.GetBytes(secret));
    }

    /// <summary>Null when the request may use <paramref name="conversationId"/> (any conversation when null); otherwise the error to return.</summary>
    public IResult? Authorize(HttpRequest request, string? conversationId, out DirectLineToken? grant)
    {
        grant = null;
        var bearer = Bearer(request);
        if (IsSecret(bearer))
        {
            return null;
        }

        return Check(bearer, DirectLineToken.ConversationScope, conversationId, out grant);
    }

    public IResult? Check(string? token, string scope, string? conversationId, out DirectLineToken? grant) =>
        tokens.Check(token, out grant) switch
        {
            TokenCheck.Missing => DirectLineErrors.Unauthorized(),
            TokenCheck.Expired => DirectLineErrors.Forbidden("TokenExpired", "The token has expired; refresh it before it does."),
            TokenCheck.Invalid => DirectLineErrors.Forbidden("TokenInvalid", "The token is not valid."),
            _ when grant!.Scope != scope => DirectLineErrors.Forbidden("TokenInvalid", "This token cannot be used here."),
            _ when conversationId is not null && grant!.ConversationId != conversationId =>
                DirectLineErrors.Forbidden("TokenInvalid", "The token is for another conversation."),
            _ => null,
        };
}
