using RolePlayBot.Bot.Conversations.Chasers;
using RolePlayBot.Bot.Conversations.State;
using RolePlayBot.Bot.Turns;

namespace RolePlayBot.Bot.Conversations;

/// <summary>The practice conversation: commands, cards and sessions behind <see cref="Turns.ITurnHandler"/>.</summary>
public static class ConversationHosting
{
    public static WebApplicationBuilder AddPracticeConversations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ConversationOptions>()
            .BindConfiguration(ConversationOptions.SectionName)
            .Validate(o => o.ChaserIntervalSeconds >= 0, "Conversations:ChaserIntervalSeconds must be 0 (off) or more.")
            .ValidateOnStart();
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<PracticeConversation>();
        services.AddSingleton<ITurnHandler, PracticeTurnHandler>();
        services.AddSingleton<ChaserService>();
        services.AddHostedService(sp => sp.GetRequiredService<ChaserService>());
        return builder;
    }
}
