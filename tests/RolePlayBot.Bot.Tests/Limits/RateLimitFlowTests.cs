using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Tests.Conversations;
using RolePlayBot.Bot.Tests.DirectLine;
using RolePlayBot.Bot.Turns;

namespace RolePlayBot.Bot.Tests.Limits;

public sealed class RateLimitFlowTests
{
    private const string Reply = "林女士您好，真的非常抱歉，麻烦发一下订单号好吗？";

    [Fact]
    public async Task Messages_past_the_limit_are_not_turns_and_the_trainee_is_told_once_when_to_send_again()
    {
        using var chat = new ChatHarness(settings: new() { ["RateLimits:PerUserPerMinute"] = "4" });
        await chat.SayAsync("start allergy-complaint");
        for (var i = 0; i < 3; i++)
        {
            Assert.Single(Sent.Cards(await chat.SayAsync(Reply + i)));
        }

        var pasted = new List<Activity>();
        for (var i = 0; i < 10; i++)
        {
            pasted.AddRange(await chat.SayAsync(Reply + "x" + i));
        }

        var notice = Assert.Single(pasted);
        Assert.Contains("消息发得太快了", notice.Text);
        Assert.Contains("15 秒后再发送", notice.Text);
        Assert.Equal(3, (await Stored.TurnsAsync(chat)).Count);

        chat.Time.Advance(TimeSpan.FromSeconds(15));
        Assert.Single(Sent.Cards(await chat.SayAsync(Reply)));
        Assert.Equal(4, (await Stored.TurnsAsync(chat)).Count);
    }

    [Fact]
    public async Task A_card_action_over_the_limit_gets_a_429_in_its_invoke_body()
    {
        using var chat = new ChatHarness("msteams", locale: "en-US", settings: new() { ["RateLimits:PerUserPerMinute"] = "1" });
        await chat.SayAsync("help");

        var (_, invoke) = await chat.SendAsync(chat.Activity(ActivityTypes.Invoke, a =>
        {
            a.Name = "adaptiveCard/action";
            a.Value = JsonDocument.Parse("""{"action":{"type":"Action.Execute","verb":"help"}}""").RootElement.Clone();
        }));

        var body = JsonSerializer.SerializeToElement(invoke!.Body, BotJson.Options);
        Assert.Equal(200, invoke.Status);
        Assert.Equal(429, body.GetProperty("statusCode").GetInt32());
        Assert.Contains("too fast", body.GetProperty("value").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Switched_off_a_paste_loop_is_answered_in_full()
    {
        using var chat = new ChatHarness(settings: new() { ["RateLimits:Enabled"] = "false", ["RateLimits:PerUserPerMinute"] = "1" });

        var answers = new List<Activity>();
        for (var i = 0; i < 30; i++)
        {
            answers.AddRange(await chat.SayAsync("help"));
        }

        Assert.Equal(30, Sent.Texts(answers).Count(t => t.Contains("怎么练", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Direct_Line_answers_429_with_Retry_After_before_storing_and_says_why_once()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("RateLimits:PerUserPerMinute", "2");
            web.UseSetting("Conversations:ChaserIntervalSeconds", "0");
        });
        var client = new DirectLineClient(factory.CreateClient());
        var conversation = await client.StartAsync("u_test");
        var processor = factory.Services.GetRequiredService<IActivityProcessor>();

        foreach (var (text, id) in new[] { ("帮助", "c1"), ("help", "c2") })
        {
            await client.PostAsync(conversation, DirectLineClient.Message(text, id));
            await processor.DrainAsync("directline|" + conversation.Id);
        }

        using var third = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Id}/activities", conversation.Token, DirectLineClient.Message("三", "c3"));
        using var fourth = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Id}/activities", conversation.Token, DirectLineClient.Message("四", "c4"));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), third.Headers.RetryAfter?.Delta);
        Assert.Equal("TooManyRequests", JsonDocument.Parse(await third.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        var activities = (await client.PollAsync(conversation)).GetProperty("activities").EnumerateArray().ToList();
        Assert.DoesNotContain(activities, a => a.TryGetProperty("text", out var t) && t.GetString() is "三" or "四");
        var notices = activities.Where(a => a.TryGetProperty("text", out var t) && t.GetString()!.Contains("消息发得太快了", StringComparison.Ordinal)).ToList();
        Assert.Contains("30 秒后再发送", Assert.Single(notices).GetProperty("text").GetString());
        Assert.Equal("bot", notices[0].GetProperty("from").GetProperty("role").GetString());
    }
}
