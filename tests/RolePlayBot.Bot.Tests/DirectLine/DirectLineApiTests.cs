using System.Net;
using System.Text.Json;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.DirectLine;

public sealed class DirectLineApiTests(DirectLineFactory factory) : IClassFixture<DirectLineFactory>
{
    private readonly DirectLineClient client = new(factory.CreateClient());

    [Fact]
    public async Task Start_returns_201_with_a_token_and_an_absolute_ws_streamUrl_and_tells_the_bot_that_bot_and_user_joined()
    {
        var conversation = await client.StartAsync("u_start");

        Assert.StartsWith("ws://", conversation.StreamUrl);
        Assert.Contains($"/v3/directline/conversations/{conversation.Id}/stream?", conversation.StreamUrl);
        Assert.True(conversation.Body.GetProperty("expires_in").GetInt32() >= 60);
        var joined = await factory.Bot.WaitForAsync(a => a.Type == ActivityTypes.ConversationUpdate && a.Conversation?.Id == conversation.Id);
        Assert.Equal(["roleplaybot", "u_start"], joined.MembersAdded!.Select(m => m.Id));
        Assert.Equal("directline", joined.ChannelId);
        Assert.Equal("urn:rpb:directline", joined.ServiceUrl);
        Assert.Empty((await client.PollAsync(conversation)).GetProperty("activities").EnumerateArray());
    }

    [Fact]
    public async Task A_token_reads_and_writes_only_its_own_conversation()
    {
        var mine = await client.StartAsync("u_mine");
        var theirs = await client.StartAsync("u_theirs");
        var message = DirectLineClient.Message("hi", "c1");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirs.Id}/activities", mine.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{theirs.Id}/activities", mine.Token, message)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirs.Id}", mine.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{mine.Id}/activities", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{mine.Id}/activities", null, message)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{mine.Id}/activities", mine.Token[..^3] + "abc")).StatusCode);
        var streamToken = Uri.UnescapeDataString(mine.StreamUrl[(mine.StreamUrl.IndexOf("&t=", StringComparison.Ordinal) + 3)..]);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{mine.Id}/activities", streamToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{mine.Id}/activities", mine.Token)).StatusCode);
    }

    [Fact]
    public async Task A_posted_activity_is_echoed_with_an_id_the_same_clientActivityID_and_untouched_from_and_channelData()
    {
        var conversation = await client.StartAsync("u_test");

        var id = await client.PostAsync(conversation, DirectLineClient.Message("你好", "echo-1"));

        var activities = (await client.PollAsync(conversation)).GetProperty("activities").EnumerateArray().ToList();
        var echo = activities[0];
        Assert.Equal(id, echo.GetProperty("id").GetString());
        Assert.Equal("echo-1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("me", echo.GetProperty("channelData").GetProperty("custom").GetProperty("keep").GetString());
        Assert.Equal("Ada", echo.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("directline", echo.GetProperty("channelId").GetString());
        Assert.Equal(conversation.Id, echo.GetProperty("conversation").GetProperty("id").GetString());
        Assert.True(echo.TryGetProperty("timestamp", out _));
        var reply = activities[1];
        Assert.Equal("You said: 你好", reply.GetProperty("text").GetString());
        Assert.Equal("bot", reply.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal(id, reply.GetProperty("replyToId").GetString());
        Assert.NotEqual(id, reply.GetProperty("id").GetString());
        var received = await factory.Bot.WaitForAsync(a => a.Id == id);
        Assert.Equal("urn:rpb:directline", received.ServiceUrl);
        Assert.Equal("roleplaybot", received.Recipient!.Id);
    }

    [Fact]
    public async Task Polling_with_a_watermark_returns_only_newer_activities_and_never_typing()
    {
        var conversation = await client.StartAsync();
        await client.PostAsync(conversation, DirectLineClient.Message("one", "w1"));
        var first = await client.PollAsync(conversation);
        var watermark = first.GetProperty("watermark").GetString();

        await client.PostAsync(conversation, DirectLineClient.Message("typing", "w2"));
        var second = await client.PollAsync(conversation, watermark);

        Assert.Equal(2, first.GetProperty("activities").GetArrayLength());
        var texts = second.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("type").GetString() + ":" + a.GetProperty("text").GetString());
        Assert.Equal(["message:typing", "message:Done typing."], texts);
        var empty = await client.PollAsync(conversation, second.GetProperty("watermark").GetString());
        Assert.Empty(empty.GetProperty("activities").EnumerateArray());
        Assert.Equal(second.GetProperty("watermark").GetString(), empty.GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task A_bot_failure_is_502_BotRejectedActivity()
    {
        var conversation = await client.StartAsync();

        using var response = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Id}/activities", conversation.Token, DirectLineClient.Message("fail", "f1"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("BotRejectedActivity", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Refresh_issues_a_new_token_and_an_expired_token_is_403()
    {
        var conversation = await client.StartAsync();

        using var refreshed = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", conversation.Token);
        var body = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(conversation.Id, body.GetProperty("conversationId").GetString());
        var newToken = body.GetProperty("token").GetString();
        Assert.NotEqual(conversation.Token, newToken);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversation.Id}/activities", newToken)).StatusCode);

        var expiredToken = await ExpiredAsync(conversation.Token);
        Assert.Equal(HttpStatusCode.Forbidden, expiredToken.Activities);
        Assert.Equal(HttpStatusCode.Forbidden, expiredToken.Refresh);
    }

    [Fact]
    public async Task Resume_gives_a_fresh_streamUrl_from_the_watermark_and_an_unknown_conversation_is_404()
    {
        var conversation = await client.StartAsync();

        using var resumed = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversation.Id}?watermark=3", conversation.Token);
        var body = JsonDocument.Parse(await resumed.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Contains("watermark=3&t=", body.GetProperty("streamUrl").GetString());
        Assert.NotEqual(conversation.StreamUrl, body.GetProperty("streamUrl").GetString());
        using var session = await client.SendAsync(HttpMethod.Get, "/v3/directline/session/getsessionid", conversation.Token);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
    }

    [Fact]
    public async Task Starting_again_with_the_same_token_is_200_and_does_not_tell_the_bot_again()
    {
        using var page = await client.SendAsync(HttpMethod.Post, "/webchat/token", null, new { userId = "u_again" });
        var token = JsonDocument.Parse(await page.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();

        using var first = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token, new { user = new { id = "u_again" } });
        using var second = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token, new { user = new { id = "u_again" } });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", token)).StatusCode);
    }

    [Fact]
    public async Task A_page_handing_back_its_resume_ticket_gets_its_conversation_again_and_no_one_else_can()
    {
        var first = await TokenAsync(new { userId = "u_resume" });
        Assert.False(first.GetProperty("resumed").GetBoolean());
        var ticket = first.GetProperty("resume").GetString()!;
        var conversation = first.GetProperty("conversationId").GetString();

        // The same page after a reload: the same conversation, and a fresh ticket for next time.
        var again = await TokenAsync(new { userId = "u_resume", resume = ticket });
        Assert.True(again.GetProperty("resumed").GetBoolean());
        Assert.Equal(conversation, again.GetProperty("conversationId").GetString());
        Assert.Equal(conversation, Claims(again.GetProperty("token").GetString()!).GetProperty("conv").GetString());
        Assert.Equal("u_resume", Claims(again.GetProperty("token").GetString()!).GetProperty("user").GetString());

        // Another user with that ticket, a tampered ticket, or none: a conversation of their own.
        var tampered = ticket[..^4] + (ticket[^4] == 'A' ? "BBBB" : "AAAA");
        foreach (var other in new object[] { new { userId = "u_other", resume = ticket }, new { userId = "u_resume", resume = tampered }, new { userId = "u_resume", resume = "not-a-ticket" } })
        {
            var fresh = await TokenAsync(other);
            Assert.False(fresh.GetProperty("resumed").GetBoolean());
            Assert.NotEqual(conversation, fresh.GetProperty("conversationId").GetString());
        }

        // Past its lifetime the ticket opens nothing.
        var now = factory.Time.Now;
        factory.Time.Now = now.AddDays(31);
        try
        {
            Assert.False((await TokenAsync(new { userId = "u_resume", resume = ticket })).GetProperty("resumed").GetBoolean());
        }
        finally
        {
            factory.Time.Now = now;
        }
    }

    private async Task<JsonElement> TokenAsync(object body)
    {
        using var response = await client.SendAsync(HttpMethod.Post, "/webchat/token", null, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static JsonElement Claims(string token) => JsonDocument.Parse(Convert.FromBase64String(Pad(token.Split('.')[1]))).RootElement.Clone();

    [Fact]
    public async Task The_page_serves_Web_Chat_from_the_host_and_its_config()
    {
        var page = await client.Http.GetStringAsync("/");
        using var bundle = await client.Http.GetAsync("/lib/webchat.js");
        var config = JsonDocument.Parse(await client.Http.GetStringAsync("/webchat/config")).RootElement;

        Assert.Contains("电商客服同理心陪练", page);
        Assert.Contains("lib/webchat.js", page);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.True(bundle.Content.Headers.ContentLength > 1_000_000);
        Assert.Equal("embedded", config.GetProperty("mode").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(HttpMethod.Post, "/webchat/token", null, new { userId = "bad id!" })).StatusCode);
    }

    private async Task<(HttpStatusCode Activities, HttpStatusCode Refresh)> ExpiredAsync(string token)
    {
        // The shared clock moves forward only inside this call; tokens issued by other tests meanwhile are checked later.
        var now = factory.Time.Now;
        factory.Time.Now = now.AddHours(1);
        try
        {
            var conversationId = JsonDocument.Parse(Convert.FromBase64String(Pad(token.Split('.')[1]))).RootElement.GetProperty("conv").GetString();
            using var activities = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
            using var refresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
            return (activities.StatusCode, refresh.StatusCode);
        }
        finally
        {
            factory.Time.Now = now;
        }
    }

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - (s.Length % 4)) % 4);
    }
}
