using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.DirectLine;

public sealed class DirectLineStreamTests(DirectLineFactory factory) : IClassFixture<DirectLineFactory>
{
    private readonly DirectLineClient client = new(factory.CreateClient());

    [Fact]
    public async Task The_socket_replays_what_came_before_it_connected_then_streams_echo_typing_and_replies()
    {
        var conversation = await client.StartAsync();
        var beforeId = await client.PostAsync(conversation, DirectLineClient.Message("before", "s1"));

        using var socket = await ConnectAsync(conversation.StreamUrl);
        var replay = await ReceiveAsync(socket);
        Assert.Equal([beforeId, $"{conversation.Id}|0000002"], Ids(replay));
        Assert.Equal("2", replay.GetProperty("watermark").GetString());

        var afterId = await client.PostAsync(conversation, DirectLineClient.Message("typing", "s2"));
        var echo = await ReceiveAsync(socket);
        var typing = await ReceiveAsync(socket);
        var reply = await ReceiveAsync(socket);

        Assert.Equal(afterId, Ids(echo).Single());
        Assert.Equal("s2", echo.GetProperty("activities")[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        var typingActivity = typing.GetProperty("activities")[0];
        Assert.Equal("typing", typingActivity.GetProperty("type").GetString());
        Assert.Equal("bot", typingActivity.GetProperty("from").GetProperty("role").GetString());
        Assert.False(string.IsNullOrEmpty(typingActivity.GetProperty("id").GetString()));
        Assert.False(typing.TryGetProperty("watermark", out _));
        Assert.Equal("Done typing.", reply.GetProperty("activities")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Reconnecting_from_a_watermark_replays_only_the_rest_and_a_second_socket_closes_the_first()
    {
        var conversation = await client.StartAsync();
        await client.PostAsync(conversation, DirectLineClient.Message("one", "r1"));
        var watermark = (await client.PollAsync(conversation)).GetProperty("watermark").GetString();
        await client.PostAsync(conversation, DirectLineClient.Message("two", "r2"));
        using var first = await ConnectAsync(conversation.StreamUrl);
        await ReceiveAsync(first);

        using var resumed = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversation.Id}?watermark={watermark}", conversation.Token);
        var streamUrl = JsonDocument.Parse(await resumed.Content.ReadAsStringAsync()).RootElement.GetProperty("streamUrl").GetString()!;
        using var second = await ConnectAsync(streamUrl);
        var replay = await ReceiveAsync(second);

        var texts = replay.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString());
        Assert.Equal(["two", "You said: two"], texts);
        var closing = await first.ReceiveAsync(new byte[256], CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Close, closing.MessageType);
        Assert.Equal("collision", first.CloseStatusDescription);
    }

    [Fact]
    public async Task An_updated_bot_activity_is_sent_again_with_the_same_id()
    {
        var conversation = await client.StartAsync();
        await client.PostAsync(conversation, DirectLineClient.Message("card", "u1"));
        var before = await client.PollAsync(conversation);
        var card = before.GetProperty("activities")[1];
        var channel = factory.Services.GetServices<ILocalChannel>().Single();
        var reference = new ConversationReference("directline", "urn:rpb:directline", new ConversationAccount { Id = conversation.Id },
            new ChannelAccount { Id = "roleplaybot" }, new ChannelAccount { Id = "u_test" }, "zh-CN");

        await channel.UpdateAsync(reference, card.GetProperty("id").GetString()!, new Activity { Type = ActivityTypes.Message, Text = "Card used." });

        var after = await client.PollAsync(conversation, before.GetProperty("watermark").GetString());
        var updated = after.GetProperty("activities").EnumerateArray().Single();
        Assert.Equal(card.GetProperty("id").GetString(), updated.GetProperty("id").GetString());
        Assert.Equal("Card used.", updated.GetProperty("text").GetString());
        Assert.Equal(2, (await client.PollAsync(conversation)).GetProperty("activities").GetArrayLength());
        Assert.True(channel.Owns(reference));
    }

    [Fact]
    public async Task A_streamUrl_for_another_conversation_is_refused()
    {
        var mine = await client.StartAsync();
        var theirs = await client.StartAsync();
        var foreign = theirs.StreamUrl.Replace(theirs.Id, mine.Id, StringComparison.Ordinal);

        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(foreign));
    }

    private async Task<WebSocket> ConnectAsync(string streamUrl)
    {
        var ws = factory.Server.CreateWebSocketClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await ws.ConnectAsync(new Uri(streamUrl), timeout.Token);
    }

    private static async Task<JsonElement> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        return JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone();
    }

    private static List<string?> Ids(JsonElement set) =>
        set.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
}
