namespace RolePlayBot.Bot.Conversations;

/// <summary>The practice conversation: commands, cards and sessions behind <see cref="Turns.ITurnHandler"/>.</summary>
public static class ConversationHosting
{
    public static WebApplicationBuilder AddPracticeConversations(this WebApplicationBuilder builder) => builder;
}
