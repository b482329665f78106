using System.Text.Json;
using System.Text.Json.Serialization;

namespace RolePlayBot.Bot.Protocol;

/// <summary>
/// A Bot Framework Activity (protocol v3). Only the fields the bot reads or writes are typed; every other field
/// is kept in <see cref="Extra"/> so unknown fields survive a round trip, and <see cref="ChannelData"/> and
/// <see cref="Value"/> stay raw JSON.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ReplyToId { get; set; }
    public string? Text { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public string? Name { get; set; }
    public string? Summary { get; set; }
    public string? InputHint { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public string? AttachmentLayout { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public List<JsonElement>? Entities { get; set; }
    public JsonElement? Value { get; set; }
    public JsonElement? ChannelData { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public string? Action { get; set; }
    public string? Code { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public bool? IsGroup { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class Attachment
{
    public string? ContentType { get; set; }
    public JsonElement? Content { get; set; }
    public string? ContentUrl { get; set; }
    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class SuggestedActions
{
    public List<string>? To { get; set; }
    public List<CardAction>? Actions { get; set; }
}

public sealed class CardAction
{
    public string? Type { get; set; }
    public string? Title { get; set; }
    public JsonElement? Value { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
}
