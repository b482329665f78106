using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RolePlayBot.Bot.Tests.Conversations;
using RolePlayBot.Storage;

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

    [Fact]
    public async Task A_trainee_who_reloads_the_page_or_meets_a_restarted_bot_goes_on_with_the_same_customer_and_loses_no_turn()
    {
        var database = Path.Combine(Path.GetTempPath(), $"rpb-resume-{Guid.NewGuid():N}.db");
        var port = FreePort();
        var replies = AgentScripts.Lines("allergy-complaint", "zh-CN", "good").Take(3).ToList();
        try
        {
            using (var before = Bot(database))
            {
                var page = await WebChatPage.OpenAsync(chromium.Browser, before.StartOnLoopback(port), "websocket", locale: "zh-CN");
                var start = page.Page.Locator(".ac-columnSet", new() { HasText = "敏感肌的林女士" }).Locator(".ac-pushButton", new() { HasText = "开始" });
                await start.WaitForAsync(new() { Timeout = (float)WebChatPage.Timeout.TotalMilliseconds });
                await start.ClickAsync();
                await page.WaitForBotTextAsync("精华液");
                await page.SendAsync(replies[0]);
                await FeedbackAsync(page, 1);

                // A reload comes back to the same conversation: the transcript so far, and the session goes on.
                await page.Page.ReloadAsync();
                await page.WaitForActionAsync("a.type === 'DIRECT_LINE/CONNECT_FULFILLED'");
                await page.WaitForBotTextAsync("精华液");
                await FeedbackAsync(page, 1);
                await page.SendAsync(replies[1]);
                await FeedbackAsync(page, 2);

                // The bot restarts (same database, same address); the page, reloaded, picks up the session it was in.
                before.Dispose();
                using var after = Bot(database);
                after.StartOnLoopback(port);
                await page.Page.ReloadAsync();
                await page.WaitForActionAsync("a.type === 'DIRECT_LINE/CONNECT_FULFILLED'");
                await page.WaitForBotTextAsync("继续刚才的练习");
                await page.WaitForBotTextAsync("前面的对话");
                await page.WaitForBotTextAsync(replies[1][..12]);   // the trainee's own words, in the recap of the chat so far
                await page.WaitForBotTextAsync("林女士");
                await page.SendAsync(replies[2]);
                await FeedbackAsync(page, 3);
                await page.AssertAllSentAsync();

                var store = after.Services.GetRequiredService<ITrainingStore>();
                var session = Assert.Single(await store.SessionsAsync(new SessionQuery()));
                Assert.Equal(replies, (await store.TurnsAsync(session.Id)).Select(t => t.TraineeText));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static WebApplicationFactory<Program> Bot(string database) => new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Conversations:ChaserIntervalSeconds"] = "0",
            ["Storage:ConnectionString"] = database,
        })));

    /// <summary>Waits for the feedback card of the session's turn <paramref name="turn"/> (its title names the turn).</summary>
    private static Task FeedbackAsync(WebChatPage page, int turn) =>
        page.Page.Locator(".ac-adaptiveCard", new() { HasText = $"点评 · 第 {turn} 轮" }).WaitForAsync(new() { Timeout = (float)WebChatPage.Timeout.TotalMilliseconds });

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => factory.Dispose();
}
