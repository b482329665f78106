using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace RolePlayBot.Bot.DirectLine;

/// <summary>
/// Issues and checks embedded Direct Line tokens: JWTs signed with HMAC-SHA256 (a random key per process unless one is
/// configured). They are JWT-shaped because DirectLineJS decodes a token's <c>user</c> claim and then pins
/// <c>from.id</c> to it; the server never trusts anything in a token whose signature does not verify.
/// </summary>
internal sealed class DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    private readonly byte[] key = string.IsNullOrEmpty(options.Value.TokenSigningKey)
        ? RandomNumberGenerator.GetBytes(32)
        : Convert.FromBase64String(options.Value.TokenSigningKey);

    public int LifetimeSeconds => options.Value.TokenLifetimeSeconds;

    public string Issue(string conversationId, string? userId) =>
        Issue(conversationId, userId, DirectLineToken.ConversationScope, options.Value.TokenLifetimeSeconds);

    public string IssueStream(string conversationId, string? userId) =>
        Issue(conversationId, userId, DirectLineToken.StreamScope, options.Value.StreamUrlLifetimeSeconds);

    public TokenCheck Check(string? token, out DirectLineToken? grant)
    {
        grant = null;
        if (string.IsNullOrEmpty(token))
        {
            return TokenCheck.Missing;
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return TokenCheck.Invalid;
        }

        try
        {
            var expected = Sign($"{parts[0]}.{parts[1]}");
            var actual = Base64Url.DecodeFromChars(parts[2]);
            if (!CryptographicOperations.FixedTimeEquals(expected, actual))
            {
                return TokenCheck.Invalid;
            }

            var claims = JsonSerializer.Deserialize<Claims>(Base64Url.DecodeFromChars(parts[1]));
            if (claims?.Conv is null || claims.Scope is null)
            {
                return TokenCheck.Invalid;
            }

            grant = new DirectLineToken(claims.Conv, claims.User, claims.Scope, DateTimeOffset.FromUnixTimeSeconds(claims.Exp));
            return grant.Expires <= time.GetUtcNow() ? TokenCheck.Expired : TokenCheck.Valid;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return TokenCheck.Invalid;
        }
    }

    private string Issue(string conversationId, string? userId, string scope, int lifetimeSeconds)
    {
        var now = time.GetUtcNow();
        var claims = new Claims
        {
            Conv = conversationId,
            User = userId,
            Scope = scope,
            Iat = now.ToUnixTimeSeconds(),
            Exp = now.AddSeconds(lifetimeSeconds).ToUnixTimeSeconds(),
            Jti = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(9)),
        };
        var unsigned = $"{Base64Url.EncodeToString(Header)}.{Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims))}";
        return $"{unsigned}.{Base64Url.EncodeToString(Sign(unsigned))}";
    }

    private byte[] Sign(string unsigned) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(unsigned));

    private sealed class Claims
    {
        [JsonPropertyName("conv")]
        public string? Conv { get; set; }

        [JsonPropertyName("user")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? User { get; set; }

        [JsonPropertyName("scope")]
        public string? Scope { get; set; }

        [JsonPropertyName("iat")]
        public long Iat { get; set; }

        [JsonPropertyName("exp")]
        public long Exp { get; set; }

        [JsonPropertyName("jti")]
        public string? Jti { get; set; }
    }
}
