using System.Text.Json;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.BotFramework;

public sealed class TimestampTests
{
    [Fact]
    public void Timestamps_the_bot_writes_are_utc_with_a_z_and_local_timestamps_keep_their_offset()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Timestamp = new DateTimeOffset(2026, 11, 22, 8, 30, 15, 250, TimeSpan.Zero),
            LocalTimestamp = new DateTimeOffset(2026, 11, 22, 16, 30, 15, TimeSpan.FromHours(8)),
        };

        var json = JsonDocument.Parse(JsonSerializer.Serialize(activity, BotJson.Options)).RootElement;

        Assert.Equal("2026-11-22T08:30:15.25Z", json.GetProperty("timestamp").GetString());
        Assert.Equal("2026-11-22T16:30:15.0000000+08:00", json.GetProperty("localTimestamp").GetString());
        var back = JsonSerializer.Deserialize<Activity>(json.GetRawText(), BotJson.Options)!;
        Assert.Equal(activity.Timestamp, back.Timestamp);
        Assert.Equal(activity.LocalTimestamp, back.LocalTimestamp);
    }
}
