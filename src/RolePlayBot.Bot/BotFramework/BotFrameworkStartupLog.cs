using Microsoft.Extensions.Options;

namespace RolePlayBot.Bot.BotFramework;

/// <summary>Says at start-up, loudly when it is off, whether /api/messages checks tokens.</summary>
public sealed class BotFrameworkStartupLog(IOptions<BotFrameworkOptions> options, ILogger<BotFrameworkStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.AuthenticationEnabled)
        {
            logger.LogInformation("Bot Framework authentication is on: {AppType} app {AppId}", settings.AppType, settings.MicrosoftAppId);
        }
        else
        {
            logger.LogWarning(
                "Bot Framework authentication is OFF (no MicrosoftAppId): {Route} accepts activities without a token and replies carry none. "
                + "Use this for local development / Emulator only; set MicrosoftAppId, MicrosoftAppType and the credentials before exposing the bot.",
                BotFrameworkApi.Route);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
