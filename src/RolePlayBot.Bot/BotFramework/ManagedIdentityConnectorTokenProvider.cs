using Azure.Core;
using Azure.Identity;

namespace RolePlayBot.Bot.BotFramework;

/// <summary>UserAssignedMSI bots: the managed identity whose client id is MicrosoftAppId gets the Connector token.</summary>
public sealed class ManagedIdentityConnectorTokenProvider(BotFrameworkOptions options) : IConnectorTokenProvider
{
    private readonly ManagedIdentityCredential credential = new(ManagedIdentityId.FromUserAssignedClientId(options.MicrosoftAppId!));

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var token = await credential.GetTokenAsync(new TokenRequestContext([MsalConnectorTokenProvider.Scope]), cancellationToken);
        return token.Token;
    }
}
