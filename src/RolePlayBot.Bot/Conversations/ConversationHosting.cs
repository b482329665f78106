using RolePlayBot.Bot.Conversations.Chasers;
using RolePlayBot.Bot.Conversations.State;
using RolePlayBot.Bot.Limits;
using RolePlayBot.Bot.Turns;

namespace RolePlayBot.Bot.Conversations;

/// <summary>The practice conversation: commands, cards and sessions behind <see cref="Turns.ITurnHandler"/>.</summary>
public static class ConversationHosting
{
    public static WebApplicationBuilder AddPracticeConversations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddRateLimits();
        services.AddOptions<ConversationOptions>()
            .BindConfiguration(ConversationOptions.SectionName)
            .Validate(o => o.ChaserIntervalSeconds >= 0, "Conversations:ChaserIntervalSeconds must be 0 (off) or more.")
            .Validate(o => o.TeamsStreamIntervalSeconds >= 0.2, "Conversations:TeamsStreamIntervalSeconds must be at least 0.2 (Teams allows about one request per second).")
            .Validate(o => o.WebChatStreamIntervalSeconds >= 0.05, "Conversations:WebChatStreamIntervalSeconds must be at least 0.05.")
            .Validate(o => o.StreamMaxSeconds is > 0 and <= 115, "Conversations:StreamMaxSeconds must be more than 0 and at most 115 (Teams ends a stream after 2 minutes).")
            .Validate(o => o.MaxMessageCharacters > 0, "Conversations:MaxMessageCharacters must be 1 or more.")
            .Validate(o => o.MaxTurnsPerSession is > 0 and <= 500, "Conversations:MaxTurnsPerSession must be from 1 to 500.")
            .ValidateOnStart();
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<Streaming.CustomerStreaming>();
        services.AddSingleton<PracticeConversation>();
        services.AddSingleton<PracticeTurnHandler>();
        services.AddSingleton<ITurnHandler>(sp => ActivatorUtilities.CreateInstance<RateLimitedTurnHandler>(sp, sp.GetRequiredService<PracticeTurnHandler>()));
        services.AddSingleton<ChaserService>();
        services.AddHostedService(sp => sp.GetRequiredService<ChaserService>());
        return builder;
    }
}
