using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace RolePlayBot.Bot.Tests.Browser;

/// <summary>
/// A whole practice session as a trainee has it: the README's page in real Chromium with Microsoft's Web Chat bundle,
/// the real bot on the offline engine — pick a customer from the welcome card, answer, read the feedback and the
/// customer's reply, end, and see the scorecard; over the WebSocket and over polling.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PracticeSessionBrowserTests(Chromium chromium) : IDisposable
{
    private readonly WebApplicationFactory<Program> factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            // The chaser would add "在吗？" bubbles on a slow machine; its own tests cover it.
            ["Conversations:ChaserIntervalSeconds"] = "0",
        })));

    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task A_trainee_practises_with_the_allergy_customer_and_gets_feedback_and_a_scorecard(string transport)
    {
        var host = factory.StartOnLoopback();
        var page = await WebChatPage.OpenAsync(chromium.Browser, host, transport, locale: "zh-CN");

        var row = page.Page.Locator(".ac-columnSet", new() { HasText = "敏感肌的林女士" });
        var start = row.Locator(".ac-pushButton", new() { HasText = "开始" });
        await start.WaitForAsync(new() { Timeout = (float)WebChatPage.Timeout.TotalMilliseconds });
        await start.ClickAsync();
        await page.WaitForBotTextAsync("精华液");

        await page.SendAsync("林女士您好，已收到您的反馈，脸上又红又痒一定很难受，真的非常抱歉。麻烦发一下订单号和照片好吗？");
        var feedback = page.Page.Locator(".ac-adaptiveCard", new() { HasText = "「已收到您的反馈」" });
        await feedback.WaitForAsync(new() { Timeout = (float)WebChatPage.Timeout.TotalMilliseconds });
        Assert.Contains("更好的回复", await feedback.InnerTextAsync());
        await page.WaitForBotTextAsync("2026111803217");

        await page.SendAsync("结束");
        var scorecard = page.Page.Locator(".ac-adaptiveCard", new() { HasText = "情绪调控力" });
        await scorecard.WaitForAsync(new() { Timeout = (float)WebChatPage.Timeout.TotalMilliseconds });
        var text = await scorecard.InnerTextAsync();
        Assert.Contains("速度", text);
        Assert.Contains("细致", text);
        Assert.Contains("情感", text);
        await page.AssertAllSentAsync();
        if (transport == "websocket")
        {
            await page.Page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "rpb-practice-session.png"), FullPage = false });
        }
    }

    public void Dispose() => factory.Dispose();
}
