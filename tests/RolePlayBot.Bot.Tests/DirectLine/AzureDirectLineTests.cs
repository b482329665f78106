using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RolePlayBot.Bot.Tests.BotFramework;

namespace RolePlayBot.Bot.Tests.DirectLine;

/// <summary>
/// Web Chat on Azure's Direct Line (<c>WebChat:DirectLine:Mode=azure</c>): the page gets a one-conversation token the
/// server exchanged for the channel secret, over real HTTP to a stand-in for Azure on loopback. The secret never
/// reaches the browser, and the embedded Direct Line is not served.
/// </summary>
public sealed class AzureDirectLineTests : IAsyncLifetime
{
    private const string Secret = "azure-channel-secret-0123456789";
    private FakeConnector _azure = null!;
    private WebApplicationFactory<Program> _bot = null!;
    private HttpClient _page = null!;

    public async Task InitializeAsync()
    {
        _azure = await FakeConnector.StartAsync();
        _bot = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("WebChat:DirectLine:Mode", "azure");
            web.UseSetting("WebChat:DirectLine:Secret", Secret);
            web.UseSetting("WebChat:DirectLine:AzureEndpoint", _azure.ServiceUrl + "v3/directline/");
            web.UseSetting("Conversations:ChaserIntervalSeconds", "0");
        });
        _page = _bot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _page.Dispose();
        await _bot.DisposeAsync();
        await _azure.DisposeAsync();
    }

    [Fact]
    public async Task The_page_gets_a_token_Azure_issued_for_the_secret_and_never_the_secret()
    {
        _azure.Responder = _ => (200, """{"conversationId":"AzConv-1","token":"azure-token-for-AzConv-1","expires_in":1800}""");

        var config = await _page.GetFromJsonAsync<JsonElement>("/webchat/config");
        using var response = await _page.PostAsJsonAsync("/webchat/token", new { userId = "u_trainee" });
        var raw = await response.Content.ReadAsStringAsync();
        var token = JsonDocument.Parse(raw).RootElement;

        Assert.Equal("azure", config.GetProperty("mode").GetString());
        Assert.Equal(_azure.ServiceUrl + "v3/directline", config.GetProperty("domain").GetString());   // no trailing slash for DirectLineJS
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("azure-token-for-AzConv-1", token.GetProperty("token").GetString());
        Assert.Equal("AzConv-1", token.GetProperty("conversationId").GetString());
        Assert.Equal("dl_u_trainee", token.GetProperty("userId").GetString());   // Azure pins only dl_ ids into the token
        Assert.DoesNotContain(Secret, raw, StringComparison.Ordinal);
        var call = Assert.Single(_azure.Calls);
        Assert.Equal(("POST", "/amer/v3/directline/tokens/generate", "Bearer " + Secret), (call.Method, call.RawTarget, call.Authorization));
        Assert.Equal("dl_u_trainee", JsonDocument.Parse(call.Body).RootElement.GetProperty("user").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Azure_refusing_the_secret_is_a_502_with_a_reason_and_the_embedded_endpoint_is_not_served()
    {
        _azure.Responder = _ => (403, """{"error":{"code":"BadArgument","message":"invalid secret"}}""");

        using var refused = await _page.PostAsJsonAsync("/webchat/token", new { userId = "u_trainee" });
        using var embedded = await _page.PostAsync("/v3/directline/conversations", null);

        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        var error = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("DirectLineUnavailable", error.GetProperty("code").GetString());
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, embedded.StatusCode);
    }
}
