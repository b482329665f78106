using System.Text.Json;
using Microsoft.Extensions.Options;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.DirectLine;

/// <summary>
/// The bot's replies into embedded Direct Line conversations. Every activity the embedded Direct Line hands the bot
/// carries <see cref="ServiceUrl"/>, so the sender router gives replies to those conversations to this channel and
/// they reach the browser without leaving the process.
/// </summary>
internal sealed class DirectLineChannel(DirectLineStore store, IOptions<DirectLineOptions> options) : ILocalChannel
{
    /// <summary>The serviceUrl stamped on activities from the embedded Direct Line; not a network address.</summary>
    public const string ServiceUrl = "urn:rpb:directline";

    public const string ChannelId = "directline";

    public ChannelAccount Bot => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };

    public bool Owns(ConversationReference reference) =>
        string.Equals(reference.ServiceUrl, ServiceUrl, StringComparison.OrdinalIgnoreCase);

    /// <summary>Only a connected WebSocket gets typing activities (polling never does), so only then can the bot stream.</summary>
    public bool CanLivestream(ConversationReference reference) => store.Find(reference.Conversation.Id)?.HasSubscriber == true;

    public Task<string> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default)
    {
        var conversation = Conversation(reference);
        return Task.FromResult(conversation.Append(Stamp(activity, conversation)));
    }

    public Task UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        var conversation = Conversation(reference);
        conversation.Replace(activityId, Stamp(activity, conversation));
        return Task.CompletedTask;
    }

    private DirectLineConversation Conversation(ConversationReference reference) =>
        store.Find(reference.Conversation.Id)
        ?? throw new InvalidOperationException($"Direct Line conversation '{reference.Conversation.Id}' is unknown or was forgotten; the reply is dropped.");

    /// <summary>A copy (the caller may reuse its object) addressed from the bot, as Web Chat needs it: role, name, conversation, channel.</summary>
    private Activity Stamp(Activity activity, DirectLineConversation conversation)
    {
        var copy = JsonSerializer.Deserialize<Activity>(JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options), BotJson.Options)!;
        copy.Type ??= ActivityTypes.Message;
        copy.Id = null;
        copy.Timestamp = null;
        copy.ServiceUrl = null;
        copy.ChannelId = ChannelId;
        copy.Conversation = new ConversationAccount { Id = conversation.Id };
        var bot = Bot;
        copy.From ??= bot;
        copy.From.Id ??= bot.Id;
        copy.From.Name ??= bot.Name;
        copy.From.Role = "bot";
        copy.Recipient ??= conversation.User;
        return copy;
    }
}
