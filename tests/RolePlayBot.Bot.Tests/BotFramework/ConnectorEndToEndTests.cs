using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RolePlayBot.Bot.BotFramework;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.BotFramework;

/// <summary>
/// A Teams message with a valid token arrives at /api/messages; the handler's reply goes back over real HTTP to the
/// (fake) connector at the activity's serviceUrl, with the bot's token.
/// </summary>
public sealed class ConnectorEndToEndTests : IAsyncLifetime
{
    private readonly TestTokens tokens = new("msteams");
    private readonly FakeTurnHandler handler = new();
    private FakeConnector connector = null!;

    public async Task InitializeAsync() => connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await connector.DisposeAsync();

    [Fact]
    public async Task The_reply_reaches_the_connector_as_a_threaded_reply_with_the_bot_token()
    {
        handler.OnTurn = async (context, ct) =>
        {
            await context.SendTextAsync("我的快递到底在哪里？", ct);
            return null;
        };
        using var host = BotHost.Create(handler, tokens, s => s.AddSingleton<IConnectorTokenProvider>(new FakeTokenProvider()));
        var inbound = Fixtures.JsonWithServiceUrl("teams-personal-message", connector.ServiceUrl);

        var response = await PostAsync(host.CreateClient(), inbound, tokens.Mint(connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = await connector.WaitForCallAsync();
        var activity = JsonSerializer.Deserialize<Activity>(inbound, BotJson.Options)!;
        Assert.Equal("POST", call.Method);
        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id!)}/activities/{activity.Id}", call.RawTarget);
        Assert.Equal("Bearer fake-connector-token", call.Authorization);
        var reply = JsonDocument.Parse(call.Body).RootElement;
        Assert.Equal("我的快递到底在哪里？", reply.GetProperty("text").GetString());
        Assert.Equal(activity.Recipient!.Id, reply.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(activity.From!.Id, reply.GetProperty("recipient").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_rejected_activity_leaves_its_service_url_untrusted_so_replies_there_get_nothing()
    {
        using var host = BotHost.Create(handler, tokens, s => s.AddSingleton<IConnectorTokenProvider>(new FakeTokenProvider()));
        var inbound = Fixtures.JsonWithServiceUrl("teams-personal-message", connector.ServiceUrl);

        var response = await PostAsync(host.CreateClient(), inbound, tokens.Mint("https://smba.trafficmanager.net/apac/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var sender = host.Services.GetRequiredService<Channels.IChannelSender>();
        var reference = ConversationReference.From(JsonSerializer.Deserialize<Activity>(inbound, BotJson.Options)!);
        await Assert.ThrowsAsync<Channels.ConnectorException>(() => sender.SendAsync(reference, new Activity { Type = "message", Text = "leak?" }));
        Assert.Empty(connector.Calls);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", token);
        return client.SendAsync(request);
    }
}
