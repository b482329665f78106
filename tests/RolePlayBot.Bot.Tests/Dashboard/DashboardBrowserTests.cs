using Microsoft.Playwright;
using RolePlayBot.Bot.Tests.Browser;
using static RolePlayBot.Bot.Tests.Dashboard.DashboardSeed;

namespace RolePlayBot.Bot.Tests.Dashboard;

/// <summary>A trainer signs in with a link in real Chromium and reads a session: the mood chart is drawn and visible.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(Chromium chromium) : IAsyncLifetime
{
    private readonly DashboardFactory factory = new();

    public Task InitializeAsync() => ((IAsyncLifetime)factory).InitializeAsync();

    public Task DisposeAsync() => factory.DisposeAsync().AsTask();

    [Fact]
    public async Task A_trainer_signs_in_by_link_and_sees_the_mood_chart_of_a_session()
    {
        var host = factory.StartOnLoopback();
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text + " " + message.Location);
            }
        };

        await page.GotoAsync(new Uri(host, factory.Links.CreateSignInLink(Trainer, "张老师", "/dashboard/sessions/s-a1")).ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "登录 Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard/sessions/s-a1");

        var chart = page.Locator("svg[data-chart=mood]");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        var box = await chart.BoundingBoxAsync();
        Assert.True(box!.Width > 300 && box.Height > 120, $"chart is {box.Width}×{box.Height}");
        Assert.Equal(4, await chart.Locator("g[data-series=anger] circle.pt").CountAsync());
        Assert.Equal(4, await chart.Locator("g[data-series=patience] circle.pt").CountAsync());
        await Assertions.Expect(chart.Locator("g[data-series=anger] circle.pt").Last).ToBeVisibleAsync();
        Assert.Equal("95", await chart.Locator("g[data-series=anger] circle.pt").Last.GetAttributeAsync("data-value"));
        await Assertions.Expect(page.Locator("article.turn")).ToHaveCountAsync(3);
        Assert.Equal("zh-CN", await page.EvaluateAsync<string>("document.documentElement.lang"));

        // The stylesheet loaded (the CSP allows it): the header carries the chat page's accent colour.
        Assert.Equal("rgb(194, 65, 12)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.rpb-header')).borderBottomColor"));
        Assert.Empty(errors);

        var screenshot = Path.Combine(Path.GetTempPath(), "rpb-dashboard-session.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        await page.GotoAsync(new Uri(host, "/dashboard/team").ToString());
        await Assertions.Expect(page.Locator("svg[data-chart=reply-times] rect.bar")).ToHaveCountAsync(6);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "rpb-dashboard-team.png"), FullPage = true });
    }
}
