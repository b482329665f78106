using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RolePlayBot.Bot.Channels;

namespace RolePlayBot.Bot.DirectLine;

/// <summary>The embedded Direct Line 3.0 endpoint and the Web Chat page.</summary>
public static class DirectLineHosting
{
    /// <summary>
    /// The Direct Line services. Posted user activities go to the registered <see cref="Turns.IActivityProcessor"/>;
    /// the bot's replies come back through <see cref="ILocalChannel"/> (serviceUrl <see cref="DirectLineChannel.ServiceUrl"/>).
    /// </summary>
    public static WebApplicationBuilder AddDirectLine(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DirectLineOptions>, ValidateDirectLineOptions>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DirectLineTokens>();
        builder.Services.AddSingleton<DirectLineAuth>();
        builder.Services.AddSingleton<DirectLineStore>();
        builder.Services.AddSingleton<DirectLineChannel>();
        builder.Services.AddSingleton<ILocalChannel>(sp => sp.GetRequiredService<DirectLineChannel>());
        builder.Services.AddHttpClient<AzureDirectLineTokens>();
        return builder;
    }

    /// <summary>/v3/directline, unless Web Chat is configured to use Azure's Direct Line instead.</summary>
    public static WebApplication MapDirectLine(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value.IsAzure)
        {
            return app;
        }

        app.UseWebSockets();
        DirectLineApi.Map(app);
        return app;
    }

    /// <summary>The trainee's page at / with the Web Chat bundle from wwwroot/lib, and its settings and token endpoints.</summary>
    public static WebApplication MapWebChat(this WebApplication app)
    {
        app.UseDefaultFiles();
        var compressed = ActivatorUtilities.CreateInstance<CompressedStaticFiles>(app.Services);
        app.Use(compressed.InvokeAsync);
        app.UseStaticFiles();
        WebChatApi.Map(app);
        return app;
    }
}
