namespace RolePlayBot.Bot.DirectLine;

/// <summary>The embedded Direct Line 3.0 endpoint and the Web Chat page.</summary>
public static class DirectLineHosting
{
    public static WebApplicationBuilder AddDirectLine(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapDirectLine(this WebApplication app) => app;

    public static WebApplication MapWebChat(this WebApplication app) => app;
}
