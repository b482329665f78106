using Microsoft.Identity.Client;

namespace RolePlayBot.Bot.BotFramework;

/// <summary>
/// Client credentials for SingleTenant and MultiTenant bots. One MSAL app for the process: its in-memory token cache is
/// what keeps this from asking Entra on every reply.
/// </summary>
public sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    public const string Scope = "https://api.botframework.com/.default";

    /// <summary>The SDK's DefaultChannelAuthTenant: multi-tenant bots get their tokens from the botframework.com tenant.</summary>
    public const string MultiTenantAuthority = "https://login.microsoftonline.com/botframework.com";

    private readonly IConfidentialClientApplication app;

    public MsalConnectorTokenProvider(BotFrameworkOptions options)
    {
        Authority = AuthorityFor(options);
        app = ConfidentialClientApplicationBuilder.Create(options.MicrosoftAppId)
            .WithAuthority(Authority)
            .WithClientSecret(options.MicrosoftAppPassword)
            .Build();
    }

    public string Authority { get; }

    /// <summary>Single-tenant bots must use their own tenant; botframework.com there fails at the first token (digest §8.3).</summary>
    public static string AuthorityFor(BotFrameworkOptions options) => options.IsType(BotFrameworkOptions.SingleTenant)
        ? $"https://login.microsoftonline.com/{options.MicrosoftAppTenantId}"
        : MultiTenantAuthority;

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var result = await app.AcquireTokenForClient([Scope]).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }
}
