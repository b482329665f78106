using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using RolePlayBot.Bot.BotFramework;
using RolePlayBot.Bot.Tests.BotFramework;

namespace RolePlayBot.Bot.Tests.EndToEnd;

/// <summary>
/// A whole practice session the way Teams drives it: signed activities to /api/messages, the real practice
/// logic on the offline engine, and every answer arriving over HTTP at a loopback connector with the bot's token.
/// </summary>
public sealed class TeamsPracticeTests : IAsyncLifetime
{
    private readonly TestTokens tokens = new("msteams");
    private FakeConnector connector = null!;
    private WebApplicationFactory<Program> host = null!;
    private int sequence;

    public async Task InitializeAsync()
    {
        connector = await FakeConnector.StartAsync();
        host = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = TestTokens.AppId,
                ["MicrosoftAppPassword"] = "not-a-real-secret",
                ["MicrosoftAppType"] = "MultiTenant",
                ["Conversations:ChaserIntervalSeconds"] = "0",
            }));
            web.ConfigureTestServices(s =>
            {
                s.AddKeyedSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(
                    BotTokenValidator.MetadataKey, new StaticConfigurationManager<OpenIdConnectConfiguration>(tokens.Configuration));
                s.AddSingleton<IConnectorTokenProvider>(new FakeTokenProvider());
            });
        });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task A_trainee_starts_a_customer_replies_gets_feedback_and_ends_with_a_scorecard()
    {
        var client = host.CreateClient();

        await SendAsync(client, "<at>RolePlayBot</at> start allergy-complaint", mention: true);
        var opening = await NextTextAsync(t => t.Contains("精华液", StringComparison.Ordinal));
        Assert.Contains("脸", opening);

        await SendAsync(client, "林女士您好，已收到您的反馈，脸上又红又痒一定很难受，真的非常抱歉。麻烦发一下订单号和照片好吗？");
        var feedback = await NextCardAsync(card => card.Contains("「已收到您的反馈」", StringComparison.Ordinal));
        Assert.Contains("1.5", feedback);
        await NextTextAsync(t => t.Contains("2026111803217", StringComparison.Ordinal));   // the customer gives the order number

        await SendAsync(client, "end");
        var scorecard = await NextCardAsync(card => card.Contains("情绪调控力", StringComparison.Ordinal));
        Assert.Contains("Action.Submit", scorecard);
        Assert.All(connector.Calls, call => Assert.Equal("Bearer fake-connector-token", call.Authorization));
    }

    private async Task SendAsync(HttpClient client, string text, bool mention = false)
    {
        var activity = JsonNode.Parse(Fixtures.JsonWithServiceUrl("teams-personal-message", connector.ServiceUrl))!.AsObject();
        activity["id"] = $"msg-{Interlocked.Increment(ref sequence)}";
        activity["text"] = text;
        activity["timestamp"] = DateTimeOffset.UtcNow.ToString("o");
        if (mention)
        {
            var entities = activity["entities"]!.AsArray();
            entities.Add(JsonNode.Parse("""{"type":"mention","text":"<at>RolePlayBot</at>","mentioned":{"id":"28:00000000-0000-0000-0000-000000000001","name":"RolePlayBot"}}"""));
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", tokens.Mint(connector.ServiceUrl));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<string> NextTextAsync(Func<string, bool> match) =>
        WaitForAsync(body => JsonDocument.Parse(body).RootElement.TryGetProperty("text", out var text) && match(text.GetString() ?? "")
            ? JsonDocument.Parse(body).RootElement.GetProperty("text").GetString()
            : null);

    private Task<string> NextCardAsync(Func<string, bool> match) =>
        WaitForAsync(body =>
        {
            var root = JsonDocument.Parse(body).RootElement;
            if (!root.TryGetProperty("attachments", out var attachments))
            {
                return null;
            }

            var card = attachments.EnumerateArray()
                .Where(a => a.GetProperty("contentType").GetString() == "application/vnd.microsoft.card.adaptive")
                .Select(a => a.GetProperty("content").GetRawText())
                .FirstOrDefault(match);
            return card;
        });

    /// <summary>Polls the connector's recorded calls until one matches, with a deadline.</summary>
    private async Task<string> WaitForAsync(Func<string, string?> pick)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var call in connector.Calls)
            {
                if (pick(call.Body) is { } found)
                {
                    return found;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("no matching activity reached the connector; calls: " + string.Join("\n", connector.Calls.Select(c => c.Body[..Math.Min(200, c.Body.Length)])));
    }
}
