using System.Text.Json;

namespace RolePlayBot.Bot.Tests.Streaming;

/// <summary>Reads the livestream metadata of a sent activity from both places it must be: the streaminfo entity and channelData.</summary>
internal sealed record StreamMetadata(string? StreamId, string? StreamType, int? Sequence)
{
    public static StreamMetadata? FromEntity(JsonElement activity) =>
        activity.TryGetProperty("entities", out var entities)
            ? entities.EnumerateArray().Where(e => e.TryGetProperty("type", out var t) && t.GetString() == "streaminfo").Select(Read).SingleOrDefault()
            : null;

    public static StreamMetadata? FromChannelData(JsonElement activity) =>
        activity.TryGetProperty("channelData", out var data) && data.TryGetProperty("streamType", out _) ? Read(data) : null;

    /// <summary>The metadata, asserting both places agree.</summary>
    public static StreamMetadata? Of(JsonElement activity)
    {
        var entity = FromEntity(activity);
        Assert.Equal(entity, FromChannelData(activity));
        return entity;
    }

    private static StreamMetadata Read(JsonElement element) => new(
        element.TryGetProperty("streamId", out var id) ? id.GetString() : null,
        element.TryGetProperty("streamType", out var type) ? type.GetString() : null,
        element.TryGetProperty("streamSequence", out var sequence) ? sequence.GetInt32() : null);
}
