using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RolePlayBot.Bot.BotFramework;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.BotFramework;

/// <summary>The Connector client against a real HTTP server on loopback that plays Teams, including its bad days.</summary>
public sealed class ConnectorSenderTests : IAsyncLifetime
{
    private const string TeamsChannelThread = "19:c3c2b9d6f1a24f0e8a1b2c3d4e5f6a7b@thread.tacv2;messageid=1710406931123";

    private readonly List<TimeSpan> waits = [];
    private readonly TrustedServiceUrls trusted = new();
    private FakeConnector connector = null!;

    public async Task InitializeAsync() => connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await connector.DisposeAsync();

    [Fact]
    public async Task A_reply_posts_to_the_reply_path_with_teams_ids_url_encoded()
    {
        var id = await Sender().SendAsync(Reference(TeamsChannelThread), new Activity { Type = "message", Text = "您好", ReplyToId = "1:1Ykq;x@y" });

        var call = Assert.Single(connector.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/amer/v3/conversations/19%3Ac3c2b9d6f1a24f0e8a1b2c3d4e5f6a7b%40thread.tacv2%3Bmessageid%3D1710406931123/activities/1%3A1Ykq%3Bx%40y", call.RawTarget);
        Assert.Equal("您好", JsonDocument.Parse(call.Body).RootElement.GetProperty("text").GetString());
        Assert.Equal("reply-1", id);
    }

    [Fact]
    public async Task Without_a_reply_to_id_it_sends_to_the_conversation()
    {
        await Sender().SendAsync(Reference("a:1fF0"), new Activity { Type = "typing" });

        Assert.Equal("/amer/v3/conversations/a%3A1fF0/activities", Assert.Single(connector.Calls).RawTarget);
    }

    [Fact]
    public async Task An_update_puts_the_whole_activity_with_its_id()
    {
        await Sender().UpdateAsync(Reference(TeamsChannelThread), "1:card", new Activity { Type = "message", Text = "已结束" });

        var call = Assert.Single(connector.Calls);
        Assert.Equal("PUT", call.Method);
        Assert.EndsWith("/activities/1%3Acard", call.RawTarget);
        Assert.Equal("1:card", JsonDocument.Parse(call.Body).RootElement.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(202)]
    public async Task An_empty_success_body_means_no_id(int status)
    {
        connector.Then(status);

        var id = await Sender().SendAsync(Reference("a:1"), new Activity { Type = "message", Text = "hi" });

        Assert.Equal("", id);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_seconds_in_retry_after()
    {
        connector.Then(429, """{"error":{"code":"TooManyRequests"}}""", retryAfter: "2");

        var id = await Sender().SendAsync(Reference("a:1"), new Activity { Type = "message", Text = "hi" });

        Assert.Equal(2, connector.Calls.Count);
        Assert.Equal([TimeSpan.FromSeconds(2)], waits);
        Assert.Equal("reply-1", id);
    }

    [Fact]
    public async Task A_retry_after_date_is_honoured_and_a_long_one_capped()
    {
        var now = new DateTimeOffset(2026, 11, 22, 7, 0, 0, TimeSpan.Zero);
        connector.Then(503, retryAfter: "Sun, 22 Nov 2026 07:00:05 GMT");
        connector.Then(429, retryAfter: "3600");

        await Sender(time: new FixedTime(now)).SendAsync(Reference("a:1"), new Activity { Type = "message" });

        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)], waits);
    }

    [Fact]
    public async Task Bad_gateway_and_precondition_failed_back_off_exponentially()
    {
        connector.Then(502);
        connector.Then(412);
        connector.Then(504);

        await Sender().SendAsync(Reference("a:1"), new Activity { Type = "message" });

        Assert.Equal(4, connector.Calls.Count);
        Assert.Equal(3, waits.Count);
        // Equal jitter: attempt n waits between half and all of base * 2^(n-1).
        Assert.InRange(waits[0], TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100));
        Assert.InRange(waits[1], TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
        Assert.InRange(waits[2], TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task Retries_stop_after_the_last_attempt()
    {
        for (var i = 0; i < 5; i++)
        {
            connector.Then(503);
        }

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Sender().SendAsync(Reference("a:1"), new Activity { Type = "message" }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal(4, connector.Calls.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(413)]
    public async Task Other_client_errors_are_not_retried(int status)
    {
        connector.Then(status, """{"error":{"code":"BadArgument","message":"nope"}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Sender().SendAsync(Reference("a:1"), new Activity { Type = "message" }));

        Assert.Equal((HttpStatusCode)status, error.Status);
        Assert.Contains("BadArgument", error.ErrorBody);
        Assert.Single(connector.Calls);
        Assert.Empty(waits);
    }

    [Fact]
    public async Task With_auth_on_a_trusted_service_url_gets_the_bearer_token()
    {
        trusted.Trust(connector.ServiceUrl);

        await Sender(authenticated: true).SendAsync(Reference("a:1"), new Activity { Type = "message" });

        Assert.Equal("Bearer fake-connector-token", Assert.Single(connector.Calls).Authorization);
    }

    [Fact]
    public async Task With_auth_on_an_untrusted_service_url_is_refused_before_any_call()
    {
        var tokens = new FakeTokenProvider();

        await Assert.ThrowsAsync<ConnectorException>(() => Sender(authenticated: true, tokens: tokens).SendAsync(Reference("a:1"), new Activity { Type = "message" }));

        Assert.Empty(connector.Calls);
        Assert.Equal(0, tokens.Requests);
    }

    [Fact]
    public async Task With_auth_off_no_authorization_header_is_sent()
    {
        await Sender().SendAsync(Reference("a:1"), new Activity { Type = "message" });

        Assert.Equal("", Assert.Single(connector.Calls).Authorization);
    }

    private ConnectorSender Sender(bool authenticated = false, FakeTokenProvider? tokens = null, TimeProvider? time = null)
    {
        var options = new BotFrameworkOptions
        {
            MicrosoftAppId = authenticated ? TestTokens.AppId : "",
            MicrosoftAppPassword = authenticated ? "secret" : "",
            MicrosoftAppType = BotFrameworkOptions.MultiTenant,
        };
        IConnectorTokenProvider provider = authenticated ? tokens ?? new FakeTokenProvider() : new NoConnectorTokenProvider();
        var retry = new ConnectorRetry
        {
            BaseDelay = TimeSpan.FromMilliseconds(100),
            Time = time ?? TimeProvider.System,
            DelayAsync = (wait, _) =>
            {
                waits.Add(wait);
                return Task.CompletedTask;
            },
        };
        return new ConnectorSender(new SimpleHttpClientFactory(), provider, trusted, Options.Create(options), retry, NullLogger<ConnectorSender>.Instance);
    }

    private ConversationReference Reference(string conversationId) => new(
        "msteams", connector.ServiceUrl, new ConversationAccount { Id = conversationId }, new ChannelAccount { Id = "28:bot" }, new ChannelAccount { Id = "29:user" }, "zh-CN");

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
