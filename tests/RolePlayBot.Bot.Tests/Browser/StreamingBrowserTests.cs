using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using RolePlayBot.Bot.Tests.Streaming;

namespace RolePlayBot.Bot.Tests.Browser;

/// <summary>
/// The model customer's answer streaming into the real Web Chat 4.18.1 in Chromium over the embedded Direct Line's
/// WebSocket: the chunks reach the page, and the trainee sees one bubble that ends with the whole answer — not one
/// bubble per chunk, and not the stream plus a second copy.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StreamingBrowserTests(Chromium chromium) : IAsyncLifetime
{
    private readonly StreamingModel model = new();
    private WebApplicationFactory<Program> factory = null!;

    public Task InitializeAsync()
    {
        var settings = model.Settings(new() { ["MicrosoftAppId"] = "" });
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await model.DisposeAsync();
    }

    [Fact]
    public async Task The_customers_answer_streams_into_one_bubble_that_ends_with_the_whole_answer()
    {
        var host = factory.StartOnLoopback();
        var page = await WebChatPage.OpenAsync(chromium.Browser, host, "websocket", locale: "zh-CN");
        var start = page.Page.Locator(".ac-columnSet", new() { HasText = "敏感肌的林女士" }).Locator(".ac-pushButton", new() { HasText = "开始" });
        await start.WaitForAsync(new() { Timeout = (float)WebChatPage.Timeout.TotalMilliseconds });
        await start.ClickAsync();
        await page.WaitForBotTextAsync("精华液");

        await page.SendAsync(StreamingModel.Reply);

        await page.WaitForActionAsync(
            "a.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && a.payload.activity.type === 'typing' && a.payload.activity.channelData.streamType === 'streaming' && a.payload.activity.channelData.streamSequence === 2");
        var bubble = await page.WaitForBotTextAsync("你们打算怎么处理？");
        var feedback = page.Page.Locator(".ac-adaptiveCard", new() { HasText = "更好的回复" });
        await feedback.WaitForAsync(new() { Timeout = (float)WebChatPage.Timeout.TotalMilliseconds });
        await page.WaitForActionAsync(
            "a.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && a.payload.activity.type === 'message' && a.payload.activity.channelData && a.payload.activity.channelData.streamType === 'final'");

        Assert.Contains(StreamingModel.Answer, await bubble.InnerTextAsync());
        Assert.Equal(1, await page.BotBubbles.Filter(new() { HasText = StreamingModel.Chunks[0] }).CountAsync());
        Assert.Equal(1, await page.BotBubbles.Filter(new() { HasText = "订单号是" }).CountAsync());
        await page.AssertAllSentAsync();
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "rpb-streamed-answer.png"), FullPage = false });
    }
}
