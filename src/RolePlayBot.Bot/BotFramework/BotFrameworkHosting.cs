namespace RolePlayBot.Bot.BotFramework;

/// <summary>/api/messages: the Bot Framework Activity protocol with its auth, and outbound Connector calls.</summary>
public static class BotFrameworkHosting
{
    public static WebApplicationBuilder AddBotFramework(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapBotFramework(this WebApplication app) => app;
}
