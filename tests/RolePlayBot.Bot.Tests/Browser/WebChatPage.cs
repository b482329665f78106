using System.Text.Json;
using Microsoft.Playwright;

namespace RolePlayBot.Bot.Tests.Browser;

/// <summary>
/// The trainee's page driven like a person would, waiting on Web Chat's own redux actions (recorded by the page in
/// window.__rpbActions) and on its DOM, never on sleeps. Selectors are Web Chat 4.18.1's.
/// </summary>
public sealed class WebChatPage(IPage page)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public IPage Page { get; } = page;

    public ILocator BotBubbles => Page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)");

    public ILocator UserBubbles => Page.Locator(".webchat__bubble--from-user");

    public static async Task<WebChatPage> OpenAsync(IBrowser browser, Uri host, string transport, string locale = "en-US")
    {
        var context = await browser.NewContextAsync(new() { Locale = locale, ViewportSize = new() { Width = 1100, Height = 760 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(host, $"/?transport={transport}").ToString());
        var webChat = new WebChatPage(page);
        await webChat.WaitForActionAsync("a.type === 'DIRECT_LINE/CONNECT_FULFILLED'");
        Assert.Empty(errors);
        return webChat;
    }

    /// <summary>Waits until an action recorded by the page matches the JavaScript predicate over <c>a</c>; returns it.</summary>
    public async Task<JsonElement> WaitForActionAsync(string predicate)
    {
        var script = $"() => (window.__rpbActions || []).find(a => {{ try {{ return {predicate}; }} catch {{ return false; }} }}) || null";
        var handle = await Page.WaitForFunctionAsync(script, null, new() { Timeout = (float)Timeout.TotalMilliseconds });
        return JsonDocument.Parse((await handle.JsonValueAsync<JsonElement>()).GetRawText()).RootElement.Clone();
    }

    public async Task SendAsync(string text)
    {
        var input = Page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    /// <summary>Waits for the bot's bubble with this text to be on screen.</summary>
    public async Task<ILocator> WaitForBotTextAsync(string text)
    {
        var bubble = BotBubbles.Filter(new() { HasText = text }).Last;
        await bubble.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)Timeout.TotalMilliseconds });
        return bubble;
    }

    /// <summary>
    /// Every activity's status says "Sent at …" (zh-CN "已于 … 发送"): Web Chat shows it for the trainee's messages only
    /// after both the POST answered and the echo came back; none says "Sending" or "Send failed".
    /// </summary>
    public async Task AssertAllSentAsync()
    {
        var statuses = Page.Locator(".webchat__activity-status");
        await Page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('.webchat__bubble--from-user')].length > 0 && [...document.querySelectorAll('.webchat__activity-status')].every(s => /Sent at|已于/.test(s.textContent) && !/Sending|failed|正在发送|发送失败/i.test(s.textContent))",
            null,
            new() { Timeout = (float)Timeout.TotalMilliseconds });
        foreach (var status in await statuses.AllTextContentsAsync())
        {
            Assert.DoesNotContain("Send failed", status);
        }
    }
}
