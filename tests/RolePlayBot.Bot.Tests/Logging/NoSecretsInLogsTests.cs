using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Npgsql;
using RolePlayBot.Bot.BotFramework;
using RolePlayBot.Bot.Tests.BotFramework;
using RolePlayBot.Bot.Tests.Persistence;

namespace RolePlayBot.Bot.Tests.Logging;

/// <summary>
/// The bot with every kind of secret configured, driven through start-up, a forged token, a connector that answers
/// 401 and a model that fails, both servers echoing the credentials they were sent: no log line holds any of them.
/// </summary>
public sealed class NoSecretsInLogsTests : IAsyncLifetime
{
    private const string AppPassword = "appPw~S3cr3t-7Qx.bf";
    private const string LlmKey = "sk-llmS3cr3tKey0123456789abcdef";
    private const string SigningKey = "dashboard-S3cr3t-signing-key-0123456789";
    private const string ConnectorToken = "eyConnectorS3cr3tToken.payload.signature";
    private const string ForgedToken = "eyJhbGciOiJSUzI1NiJ9.eyForgedS3cr3t.c2lnbmF0dXJl";

    private readonly TestTokens tokens = new("msteams");
    private readonly PostgresDatabase database = new();
    private readonly CapturedLogs logs = new();
    private FakeConnector connector = null!;
    private WebApplication model = null!;
    private static int modelCalls;
    private string modelEndpoint = "";

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        connector = await FakeConnector.StartAsync();
        (model, modelEndpoint) = await EchoingModelAsync();
    }

    public async Task DisposeAsync()
    {
        await model.DisposeAsync();
        await connector.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task No_log_line_holds_a_secret_or_a_bearer_token()
    {
        var postgres = new NpgsqlConnectionStringBuilder(database.Options.ConnectionString);
        postgres.Password ??= "pgS3cr3tPassw0rd";
        var databasePassword = postgres.Password;
        var minted = tokens.Mint(connector.ServiceUrl);
        await using (var host = Host(postgres.ConnectionString))
        {
            var client = host.CreateClient();

            // An auth failure: a forged token.
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, "help", "m-0", ForgedToken)).StatusCode);

            // A connector call answered 401, then a practice turn whose model calls fail.
            connector.Then(401, "{\"error\":{\"code\":\"Unauthorized\",\"message\":\"Authorization has been denied for Bearer " + ConnectorToken + "\"}}");
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "start allergy-complaint", "m-1", minted)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "林女士您好，真的非常抱歉，麻烦发一下订单号好吗？", "m-2", minted)).StatusCode);
            await WaitForAsync(() => connector.Calls.Any(c => c.Body.Contains("离线", StringComparison.Ordinal) || c.Body.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal)));
            Assert.Contains(connector.Calls, c => c.Authorization == "Bearer " + ConnectorToken);
        }

        Assert.True(Volatile.Read(ref modelCalls) > 0, "the model was never called");
        var lines = logs.Lines;
        Assert.Contains(lines, l => l.Message.Contains("Rejected", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Message.Contains("401", StringComparison.Ordinal));
        foreach (var secret in new[] { AppPassword, LlmKey, SigningKey, ConnectorToken, ForgedToken, minted, databasePassword, "S3cr3t" })
        {
            var leaks = lines.Where(l => l.ToString().Contains(secret, StringComparison.Ordinal)).Select(l => l.ToString()).ToList();
            Assert.True(leaks.Count == 0, $"'{secret[..Math.Min(12, secret.Length)]}…' logged:\n{string.Join("\n---\n", leaks.Take(3))}");
        }
    }

    private WebApplicationFactory<Program> Host(string connectionString) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = TestTokens.AppId,
                ["MicrosoftAppPassword"] = AppPassword,
                ["MicrosoftAppType"] = "MultiTenant",
                ["Llm:Endpoint"] = modelEndpoint,
                ["Llm:Model"] = "test-model",
                ["Llm:ApiKey"] = LlmKey,
                ["Llm:MaxRetries"] = "0",
                ["Llm:TimeoutSeconds"] = "5",
                ["Dashboard:SigningKey"] = SigningKey,
                ["Storage:Provider"] = "postgres",
                ["Storage:ConnectionString"] = connectionString,
                ["Conversations:ChaserIntervalSeconds"] = "0",
            }));
            web.ConfigureLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            web.ConfigureTestServices(s =>
            {
                s.AddKeyedSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(
                    BotTokenValidator.MetadataKey, new StaticConfigurationManager<OpenIdConnectConfiguration>(tokens.Configuration));
                s.AddSingleton<IConnectorTokenProvider>(new FixedTokenProvider(ConnectorToken));
            });
        });

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string text, string id, string token)
    {
        var activity = JsonNode.Parse(Fixtures.JsonWithServiceUrl("teams-personal-message", connector.ServiceUrl))!.AsObject();
        activity["id"] = id;
        activity["text"] = text;
        activity["timestamp"] = DateTimeOffset.UtcNow.ToString("o");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", token);
        return await client.SendAsync(request);
    }

    /// <summary>A model endpoint that fails every call with 401 and, like a careless server, echoes the credentials in its error.</summary>
    private static async Task<(WebApplication, string)> EchoingModelAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(async context =>
        {
            Interlocked.Increment(ref modelCalls);
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "Incorrect API key provided: " + context.Request.Headers.Authorization, type = "invalid_request_error" } });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (app, address + "/v1/");
    }

    private static async Task WaitForAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "the turn never reached the connector");
            await Task.Delay(50);
        }
    }

    private sealed class FixedTokenProvider(string token) : IConnectorTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(token);
    }
}
