using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RolePlayBot.Bot.BotFramework;

namespace RolePlayBot.Bot.Tests.BotFramework;

/// <summary>/api/messages with an app id configured, against a local JWKS standing in for login.botframework.com.</summary>
public sealed class BotFrameworkAuthTests : IDisposable
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/apac/";

    private readonly TestTokens tokens = new("msteams", "webchat");
    private readonly FakeTurnHandler handler = new();
    private readonly WebApplicationFactory<Program> host;
    private readonly HttpClient client;

    public BotFrameworkAuthTests()
    {
        host = BotHost.Create(handler, tokens);
        client = host.CreateClient();
    }

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task A_valid_connector_token_is_accepted_and_its_service_url_trusted()
    {
        var response = await PostAsync("Bearer " + tokens.Mint(ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await handler.WaitForTurnsAsync(1);
        Assert.True(host.Services.GetRequiredService<TrustedServiceUrls>().IsTrusted(ServiceUrl));
    }

    [Fact]
    public async Task The_service_url_claim_compares_case_insensitively()
    {
        var response = await PostAsync("Bearer " + tokens.Mint(ServiceUrl.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, string> Rejections() => new()
    {
        { "missing header", "missing Authorization header" },
        { "basic scheme", "scheme must be Bearer" },
        { "not a jwt", "not a JWT" },
        { "expired", "expired" },
        { "wrong audience", "not for this bot" },
        { "wrong issuer", "issuer is not accepted" },
        { "unknown key", "signing key is unknown" },
        { "alg none", "signature is invalid" },
        { "hs256", "token" },
        { "service url mismatch", "serviceurl claim does not match" },
        { "no service url claim", "serviceurl claim does not match" },
        { "channel not endorsed", "not endorsed" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task A_bad_token_is_a_401_with_only_a_reason(string @case, string reason)
    {
        var fixture = "teams-personal-message";
        var header = @case switch
        {
            "missing header" => null,
            "basic scheme" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("app:secret")),
            "not a jwt" => "Bearer not-a-token",
            "expired" => "Bearer " + tokens.Mint(ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-6)),
            "wrong audience" => "Bearer " + tokens.Mint(ServiceUrl, audience: "11111111-1111-1111-1111-111111111111"),
            "wrong issuer" => "Bearer " + tokens.Mint(ServiceUrl, issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"),
            "unknown key" => "Bearer " + tokens.MintWithUnknownKey(ServiceUrl),
            "alg none" => "Bearer " + TestTokens.MintUnsigned(ServiceUrl),
            "hs256" => "Bearer " + tokens.MintHs256(ServiceUrl),
            "service url mismatch" => "Bearer " + tokens.Mint("https://attacker.example/"),
            "no service url claim" => "Bearer " + tokens.Mint(ServiceUrl, includeServiceUrl: false),
            "channel not endorsed" => "Bearer " + tokens.Mint("https://directline.botframework.com/"),
            _ => throw new ArgumentOutOfRangeException(nameof(@case)),
        };
        if (@case == "channel not endorsed")
        {
            fixture = "webchat-directline-message"; // channelId "directline"; the key is endorsed for msteams and webchat only
        }

        var response = await PostAsync(header, Fixtures.Json(fixture));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(TestTokens.AppId, problem.GetRawText());
        Assert.Empty(handler.Turns);
        Assert.False(host.Services.GetRequiredService<TrustedServiceUrls>().IsTrusted(Fixtures.Activity(fixture).ServiceUrl));
    }

    [Fact]
    public async Task A_token_within_the_five_minute_skew_is_still_accepted()
    {
        var response = await PostAsync("Bearer " + tokens.Mint(ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-4)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Bad_json_with_no_token_is_a_401_not_a_400()
    {
        var response = await PostAsync(null, "{not json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string? authorization, string? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body ?? Fixtures.Json("teams-personal-message"), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return client.SendAsync(request);
    }
}
