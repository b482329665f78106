using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RolePlayBot.Bot.BotFramework;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.BotFramework;

public sealed class ChannelSenderRouterTests : IAsyncLifetime
{
    private FakeConnector connector = null!;

    public async Task InitializeAsync() => connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await connector.DisposeAsync();

    [Fact]
    public async Task A_conversation_a_local_channel_owns_never_leaves_the_process()
    {
        var local = new RecordingSender(reference => reference.ServiceUrl == "http://localhost:3978/directline/");
        var router = Router(local);

        var id = await router.SendAsync(Reference("http://localhost:3978/directline/"), new Activity { Type = "message", Text = "local" });
        await router.UpdateAsync(Reference("http://localhost:3978/directline/"), id, new Activity { Type = "message", Text = "edited" });

        Assert.Equal("local-1", id);
        Assert.Equal(2, local.Sent.Count);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task Any_other_conversation_goes_to_the_connector()
    {
        var local = new RecordingSender(_ => false);

        var id = await Router(local).SendAsync(Reference(connector.ServiceUrl), new Activity { Type = "message", Text = "remote" });

        Assert.Equal("reply-1", id);
        Assert.Empty(local.Sent);
        Assert.Single(connector.Calls);
    }

    private static ChannelSenderRouter Router(ILocalChannel local)
    {
        var connectorSender = new ConnectorSender(
            new SimpleHttpClientFactory(), new NoConnectorTokenProvider(), new TrustedServiceUrls(), Options.Create(new BotFrameworkOptions()), new ConnectorRetry(), NullLogger<ConnectorSender>.Instance);
        return new ChannelSenderRouter([local], connectorSender);
    }

    private static ConversationReference Reference(string serviceUrl) =>
        new("directline", serviceUrl, new ConversationAccount { Id = "conv-1" }, new ChannelAccount { Id = "bot" }, new ChannelAccount { Id = "user" }, null);
}
