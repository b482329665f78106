using Microsoft.Extensions.DependencyInjection;
using RolePlayBot.Bot.Storage;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Bot.Tests.Conversations;

/// <summary>The stored session of a harness conversation, as the next turn would load it.</summary>
internal static class Stored
{
    public static async Task<IReadOnlyList<Turn>> TurnsAsync(ChatHarness chat)
    {
        var journal = chat.Services.GetRequiredService<ConversationJournal>();
        var loaded = await journal.LoadAsync(chat.Activity("message").ToReference());
        return loaded.State.Session?.Turns ?? [];
    }

    private static Protocol.ConversationReference ToReference(this Protocol.Activity activity) => Protocol.ConversationReference.From(activity);
}
