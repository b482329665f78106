using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace RolePlayBot.Bot.Tests.Streaming;

/// <summary>Stream settings that would break the channel's rules stop the host at start with a message naming the setting.</summary>
public sealed class StreamingSettingsTests
{
    [Theory]
    [InlineData("Conversations:TeamsStreamIntervalSeconds", "0.05", "TeamsStreamIntervalSeconds")]
    [InlineData("Conversations:WebChatStreamIntervalSeconds", "0", "WebChatStreamIntervalSeconds")]
    [InlineData("Conversations:StreamMaxSeconds", "300", "StreamMaxSeconds")]
    public void The_host_refuses_to_start_with_stream_settings_outside_the_channels_limits(string key, string value, string named)
    {
        var error = Support.StartFailure.Of(new() { ["MicrosoftAppId"] = "", [key] = value });

        Assert.Contains(named, error.Message);
    }
}
