using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using RolePlayBot.Bot.BotFramework;
using RolePlayBot.Bot.Turns;

namespace RolePlayBot.Bot.Tests.BotFramework;

/// <summary>The real host with a fake turn handler, and optionally authentication on against a local JWKS.</summary>
internal static class BotHost
{
    public static WebApplicationFactory<Program> Create(
        FakeTurnHandler handler,
        TestTokens? tokens = null,
        Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = tokens is null ? "" : TestTokens.AppId,
            ["MicrosoftAppPassword"] = tokens is null ? "" : "not-a-real-secret",
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppTenantId"] = "",
        };
        return new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
            web.ConfigureTestServices(s =>
            {
                s.AddSingleton<ITurnHandler>(handler);
                if (tokens is not null)
                {
                    s.AddKeyedSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(
                        BotTokenValidator.MetadataKey, new StaticConfigurationManager<OpenIdConnectConfiguration>(tokens.Configuration));
                }

                services?.Invoke(s);
            });
        });
    }
}
