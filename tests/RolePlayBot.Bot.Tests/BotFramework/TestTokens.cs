using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using RolePlayBot.Bot.BotFramework;

namespace RolePlayBot.Bot.Tests.BotFramework;

/// <summary>
/// A local stand-in for login.botframework.com: an RSA key published in a JWKS whose entry carries the
/// non-standard "endorsements" array, and tokens minted with it the way the Bot Connector shapes them.
/// </summary>
internal sealed class TestTokens
{
    public const string AppId = "00000000-0000-0000-0000-000000000001";
    public const string KeyId = "test-key-1";

    private static readonly JsonWebTokenHandler Handler = new();

    public TestTokens(params string[] endorsements)
    {
        Key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = KeyId };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(Key.Rsa.ExportParameters(false)) { KeyId = KeyId });
        // Parse the JWKS from JSON, as ConfigurationManager does with the real document, so "endorsements" lands where it would.
        var jwks = $$"""
            {"keys":[{"kty":"RSA","use":"sig","kid":"{{KeyId}}","n":"{{jwk.N}}","e":"{{jwk.E}}",
              "endorsements":[{{string.Join(",", endorsements.Select(e => $"\"{e}\""))}}]}]}
            """;
        Configuration = new OpenIdConnectConfiguration { Issuer = BotTokenValidator.Issuer, JsonWebKeySet = new JsonWebKeySet(jwks) };
        foreach (var key in Configuration.JsonWebKeySet.GetSigningKeys())
        {
            Configuration.SigningKeys.Add(key);
        }
    }

    public RsaSecurityKey Key { get; }

    public OpenIdConnectConfiguration Configuration { get; }

    public string Mint(
        string serviceUrl,
        string issuer = BotTokenValidator.Issuer,
        string audience = AppId,
        DateTime? expires = null,
        SigningCredentials? signing = null,
        bool includeServiceUrl = true)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        var claims = new Dictionary<string, object>();
        if (includeServiceUrl)
        {
            claims["serviceurl"] = serviceUrl;
        }

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddMinutes(-60),
            NotBefore = expiry.AddMinutes(-60),
            Expires = expiry,
            Claims = claims,
            SigningCredentials = signing ?? new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A token signed by a key the JWKS does not list.</summary>
    public string MintWithUnknownKey(string serviceUrl) =>
        Mint(serviceUrl, signing: new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "unknown-key" }, SecurityAlgorithms.RsaSha256));

    /// <summary>HS256 with a made-up secret under the real kid: the classic key-confusion attempt.</summary>
    public string MintHs256(string serviceUrl) =>
        Mint(serviceUrl, signing: new SigningCredentials(
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-shared-secret-that-is-long-enough-for-hs256")) { KeyId = KeyId }, SecurityAlgorithms.HmacSha256));

    /// <summary>alg "none": the header says unsigned and the signature part is empty.</summary>
    public static string MintUnsigned(string serviceUrl)
    {
        static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = B64("""{"alg":"none","typ":"JWT"}""");
        var payload = B64($$"""{"iss":"{{BotTokenValidator.Issuer}}","aud":"{{AppId}}","serviceurl":"{{serviceUrl}}","nbf":{{now - 60}},"exp":{{now + 1800}}}""");
        return $"{header}.{payload}.";
    }
}
