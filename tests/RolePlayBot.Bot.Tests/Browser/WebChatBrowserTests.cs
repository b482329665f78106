using System.Text.Json;
using Microsoft.Playwright;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Tests.DirectLine;

namespace RolePlayBot.Bot.Tests.Browser;

/// <summary>
/// The real page with Microsoft's real Web Chat bundle, in real Chromium, against the real host on Kestrel, over the
/// WebSocket and over polling. The bot is <see cref="FakeBot"/>; the integration test of the practice conversation
/// can reuse <see cref="KestrelHost"/>, <see cref="Chromium"/> and <see cref="WebChatPage"/> with the real one.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebChatBrowserTests(Chromium chromium) : IDisposable
{
    private readonly DirectLineFactory factory = new();

    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task A_trainee_message_is_sent_answered_and_a_card_button_posts_its_value_to_the_bot(string transport)
    {
        var host = factory.StartOnLoopback();
        var page = await WebChatPage.OpenAsync(chromium.Browser, host, transport);
        var join = await factory.Bot.WaitForAsync(a => a.Type == ActivityTypes.Event && a.Name == "webchat/join");
        Assert.StartsWith("u_", join.From!.Id);

        await page.SendAsync("hello");
        await page.WaitForBotTextAsync("You said: hello");
        await page.WaitForActionAsync("a.type === 'DIRECT_LINE/POST_ACTIVITY_FULFILLED'");
        await page.AssertAllSentAsync();
        Assert.Equal(1, await page.UserBubbles.CountAsync());

        await page.SendAsync("card");
        var button = page.Page.Locator(".ac-pushButton", new() { HasText = "Start practice" });
        await button.WaitForAsync(new() { Timeout = (float)WebChatPage.Timeout.TotalMilliseconds });
        await button.ClickAsync();

        var submitted = await factory.Bot.WaitForAsync(a => a.Value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("verb", out _));
        Assert.Equal("start", submitted.Value!.Value.GetProperty("verb").GetString());
        Assert.Equal("angry-refund", submitted.Value.Value.GetProperty("persona").GetString());
        Assert.True(submitted.ChannelData!.Value.GetProperty("postBack").GetBoolean());
        await page.WaitForBotTextAsync("Submitted start");
        await page.AssertAllSentAsync();
        Assert.Equal(2, await page.UserBubbles.CountAsync());
    }

    [Fact]
    public async Task Typing_reaches_Web_Chat_over_the_WebSocket_and_the_page_looks_right_in_Chinese()
    {
        var host = factory.StartOnLoopback();
        var page = await WebChatPage.OpenAsync(chromium.Browser, host, "websocket", locale: "zh-CN");

        await page.SendAsync("你好，我的快递三天没动了");
        await page.WaitForBotTextAsync("You said: 你好，我的快递三天没动了");
        await page.SendAsync("typing");
        await page.WaitForActionAsync("a.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && a.payload.activity.type === 'typing'");
        await page.WaitForBotTextAsync("Done typing.");
        await page.SendAsync("card");
        await page.Page.Locator(".ac-pushButton").WaitForAsync();
        await page.AssertAllSentAsync();

        Assert.Equal("电商客服同理心陪练 · RolePlayBot", await page.Page.TitleAsync());
        Assert.Equal("zh-CN", await page.Page.EvaluateAsync<string>("document.documentElement.lang"));
        var screenshot = Path.Combine(RepositoryRoot(), "TestResults", "webchat.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.Page.ScreenshotAsync(new() { Path = screenshot });
    }

    public void Dispose() => factory.Dispose();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RolePlayBot.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
