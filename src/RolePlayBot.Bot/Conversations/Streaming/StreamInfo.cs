using System.Text.Json;
using System.Text.Json.Nodes;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Conversations.Streaming;

/// <summary>
/// The livestream metadata of an activity (botframework.md §4.6), written to both places clients read it: the
/// <c>streaminfo</c> entity (Teams) and <c>channelData</c> (Web Chat 4.18.1 reads only that one; with entities alone
/// every chunk would show as a bubble of its own).
/// </summary>
public static class StreamInfo
{
    public const string EntityType = "streaminfo";
    public const string Streaming = "streaming";
    public const string Final = "final";

    private static readonly string[] Fields = ["streamId", "streamType", "streamSequence"];

    /// <summary>
    /// Marks <paramref name="activity"/> as part of a stream. The first chunk has no <paramref name="streamId"/> yet
    /// (its id, returned by the channel, becomes the stream's); the final message has no <paramref name="sequence"/>.
    /// </summary>
    public static void Mark(Activity activity, string? streamId, string streamType, int? sequence)
    {
        var fields = new JsonObject();
        if (streamId is not null)
        {
            fields["streamId"] = streamId;
        }

        fields["streamType"] = streamType;
        if (sequence is { } number)
        {
            fields["streamSequence"] = number;
        }

        var entity = new JsonObject { ["type"] = EntityType };
        foreach (var (name, value) in fields)
        {
            entity[name] = value?.DeepClone();
        }

        activity.Entities = [.. (activity.Entities ?? []).Where(e => !IsEntity(e)), JsonSerializer.SerializeToElement(entity)];
        var channelData = activity.ChannelData is { ValueKind: JsonValueKind.Object } existing
            ? JsonNode.Parse(existing.GetRawText())!.AsObject()
            : new JsonObject();
        foreach (var (name, value) in fields)
        {
            channelData[name] = value?.DeepClone();
        }

        activity.ChannelData = JsonSerializer.SerializeToElement(channelData);
    }

    /// <summary>True for the message that closes a stream.</summary>
    public static bool IsFinal(Activity activity) =>
        activity.Entities?.Any(e => IsEntity(e) && e.TryGetProperty("streamType", out var type) && type.ValueEquals(Final)) == true
        || (activity.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("streamType", out var t) && t.ValueEquals(Final));

    /// <summary>Takes the stream metadata (and the stream's id) off, leaving an ordinary message.</summary>
    public static void Strip(Activity activity)
    {
        activity.Id = null;
        if (activity.Entities is { } entities)
        {
            var kept = entities.Where(e => !IsEntity(e)).ToList();
            activity.Entities = kept.Count > 0 ? kept : null;
        }

        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data)
        {
            var channelData = JsonNode.Parse(data.GetRawText())!.AsObject();
            foreach (var field in Fields)
            {
                channelData.Remove(field);
            }

            activity.ChannelData = channelData.Count > 0 ? JsonSerializer.SerializeToElement(channelData) : null;
        }
    }

    private static bool IsEntity(JsonElement entity) =>
        entity.ValueKind == JsonValueKind.Object
        && entity.TryGetProperty("type", out var type)
        && string.Equals(type.GetString(), EntityType, StringComparison.OrdinalIgnoreCase);
}
