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
            .Validate(o => o.MaxMessageCharacters > 0, "Conversations:MaxMessageCharacters must be 1 or more.")
            .ValidateOnStart();
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<PracticeConversation>();
        services.AddSingleton<PracticeTurnHandler>();
        services.AddSingleton<ITurnHandler>(sp => ActivatorUtilities.CreateInstance<RateLimitedTurnHandler>(sp, sp.GetRequiredService<PracticeTurnHandler>()));
        services.AddSingleton<ChaserService>();
        services.AddHostedService(sp => sp.GetRequiredService<ChaserService>());
        return builder;
    }
}
