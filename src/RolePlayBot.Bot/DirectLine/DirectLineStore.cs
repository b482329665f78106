using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.DirectLine;

/// <summary>The embedded Direct Line's conversations, in memory, at most <see cref="DirectLineOptions.MaxConversations"/> of them.</summary>
internal sealed class DirectLineStore(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> conversations = new(StringComparer.Ordinal);

    /// <summary>A new, unguessable conversation id (it is also the key tokens are scoped to).</summary>
    public static string NewConversationId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));

    public DirectLineConversation? Find(string? conversationId) =>
        conversationId is not null && conversations.TryGetValue(conversationId, out var conversation) ? conversation : null;

    /// <summary>Starts the conversation, or returns it with <c>created = false</c> when it already exists.</summary>
    public DirectLineConversation Start(string conversationId, ChannelAccount user, out bool created)
    {
        var made = false;
        var conversation = conversations.GetOrAdd(conversationId, id =>
        {
            made = true;
            return new DirectLineConversation(id, user, options.Value.HistoryLimit, time);
        });
        created = made;
        if (created)
        {
            ForgetOldest();
        }

        return conversation;
    }

    private void ForgetOldest()
    {
        var excess = conversations.Count - options.Value.MaxConversations;
        if (excess <= 0)
        {
            return;
        }

        foreach (var stale in conversations.Values.OrderBy(c => c.LastActive).Take(excess).ToList())
        {
            if (conversations.TryRemove(stale.Id, out _))
            {
                stale.Close("conversation expired");
            }
        }
    }
}
