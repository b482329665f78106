using System.Collections;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace RolePlayBot.Bot.BotFramework;

/// <summary>
/// Validates the bearer token the Bot Connector puts on every activity (bot-docs "Authentication with the Bot
/// Connector API", channel-to-bot). The JwtBearer package cannot be restored here, so this does what its handler
/// would, against the botframework OpenID metadata, and also returns what the activity checks need.
/// </summary>
public sealed class BotTokenValidator(
    IOptions<BotFrameworkOptions> options,
    [FromKeyedServices(BotTokenValidator.MetadataKey)] IConfigurationManager<OpenIdConnectConfiguration> metadata,
    ILogger<BotTokenValidator> logger)
{
    public const string MetadataKey = "botframework";
    public const string OpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string Issuer = "https://api.botframework.com";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public async Task<BotTokenResult> ValidateAsync(string? authorization, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return BotTokenResult.Fail("missing Authorization header");
        }

        var parts = authorization.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return BotTokenResult.Fail("the Authorization scheme must be Bearer");
        }

        if (!Handler.CanReadToken(parts[1]))
        {
            return BotTokenResult.Fail("the bearer token is not a JWT");
        }

        var (result, configuration) = await ValidateTokenAsync(parts[1], cancellationToken);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The channel may have started signing with a key published after our last metadata fetch.
            metadata.RequestRefresh();
            (result, configuration) = await ValidateTokenAsync(parts[1], cancellationToken);
        }

        if (!result.IsValid)
        {
            logger.LogWarning(result.Exception, "Rejected a Bot Connector token");
            return BotTokenResult.Fail(Reason(result.Exception));
        }

        var token = (JsonWebToken)result.SecurityToken;
        token.TryGetPayloadValue<string>("serviceurl", out var serviceUrl);
        var kid = token.SigningKey?.KeyId ?? token.Kid;
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        return new BotTokenResult(null, serviceUrl, Endorsements(key));
    }

    private async Task<(TokenValidationResult Result, OpenIdConnectConfiguration Configuration)> ValidateTokenAsync(string token, CancellationToken cancellationToken)
    {
        var configuration = await metadata.GetConfigurationAsync(cancellationToken);
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = options.Value.MicrosoftAppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
            ClockSkew = ClockSkew,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
        };
        return (await Handler.ValidateTokenAsync(token, parameters), configuration);
    }

    /// <summary>The JWKS's non-standard "endorsements" member: the channel ids this key may sign for.</summary>
    private static IReadOnlyCollection<string> Endorsements(JsonWebKey? key)
    {
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return [];
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            string single => [single],
            IEnumerable items => [.. items.OfType<object>().Select(i => i.ToString()).OfType<string>()],
            _ => [],
        };
    }

    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidAudienceException => "the token is not for this bot",
        SecurityTokenInvalidIssuerException => "the token's issuer is not accepted",
        SecurityTokenSignatureKeyNotFoundException => "the token's signing key is unknown",
        SecurityTokenInvalidAlgorithmException => "the token's algorithm is not accepted",
        SecurityTokenInvalidSignatureException => "the token's signature is invalid",
        _ => "the token is invalid",
    };
}
