using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Turns;

namespace RolePlayBot.Bot.BotFramework;

/// <summary>/api/messages: the Bot Framework Activity protocol with its auth, and outbound Connector calls.</summary>
public static class BotFrameworkHosting
{
    public static WebApplicationBuilder AddBotFramework(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // The SDK's settings are top-level keys (MicrosoftAppId, …), so bind from the configuration root.
        services.AddOptions<BotFrameworkOptions>().Bind(builder.Configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>();
        services.AddHostedService<BotFrameworkStartupLog>();

        services.AddHttpClient(BotTokenValidator.MetadataKey);
        services.AddKeyedSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(BotTokenValidator.MetadataKey, (sp, _) =>
            new ConfigurationManager<OpenIdConnectConfiguration>(
                BotTokenValidator.OpenIdMetadataUrl,
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(sp.GetRequiredService<IHttpClientFactory>().CreateClient(BotTokenValidator.MetadataKey)))
            {
                // The channel may publish new keys at any time; the docs ask for a refresh at least daily.
                AutomaticRefreshInterval = TimeSpan.FromHours(12),
            });
        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton<TrustedServiceUrls>();

        services.AddSingleton(sp => CreateTokenProvider(sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value));
        services.AddSingleton(new ConnectorRetry());
        // The factory's own handlers log four Information lines per call; at a class's reply rate that is most of a
        // turn's CPU. ConnectorSender logs what matters itself (retries, refusals, failures).
        services.AddHttpClient(ConnectorSender.HttpClientName).RemoveAllLoggers();
        services.AddSingleton<ConnectorSender>();
        services.AddSingleton<IChannelSender, ChannelSenderRouter>();

        services.AddOptions<ActivityProcessorOptions>();
        services.AddSingleton<IActivityProcessor, QueuedActivityProcessor>();
        return builder;
    }

    public static WebApplication MapBotFramework(this WebApplication app)
    {
        app.MapBotFrameworkApi();
        return app;
    }

    public static IConnectorTokenProvider CreateTokenProvider(BotFrameworkOptions options)
    {
        if (!options.AuthenticationEnabled)
        {
            return new NoConnectorTokenProvider();
        }

        return options.IsType(BotFrameworkOptions.UserAssignedMsi)
            ? new ManagedIdentityConnectorTokenProvider(options)
            : new MsalConnectorTokenProvider(options);
    }
}
