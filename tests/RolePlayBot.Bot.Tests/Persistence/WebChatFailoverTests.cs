using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RolePlayBot.Bot.Tests.DirectLine;
using RolePlayBot.Bot.Turns;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Tests.Persistence;

/// <summary>
/// Two instances on one PostgreSQL database behind session affinity (README): the web chat's Direct Line lives in the
/// instance that opened it, so when that instance goes away the page, reloaded, lands on the other with its resume
/// ticket and must find its practice session there.
/// </summary>
public sealed class WebChatFailoverTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_page_reloaded_onto_another_instance_continues_its_session_there()
    {
        await using var a = Instance();
        await using var b = Instance();
        var onA = new DirectLineClient(a.CreateClient());
        var page = await TokenAsync(onA, new { userId = "u_test" });
        var conversation = await StartAsync(onA, page);
        foreach (var (text, id) in new[] { (Script.Start, "c1"), (Script.Replies[0], "c2") })
        {
            await onA.PostAsync(conversation, DirectLineClient.Message(text, id));
            await a.Services.GetRequiredService<IActivityProcessor>().DrainAsync("directline|" + conversation.Id);
        }

        await a.DisposeAsync();   // the instance goes away; the balancer sends the reloaded page to the other

        var onB = new DirectLineClient(b.CreateClient());
        var reloaded = await TokenAsync(onB, new { userId = "u_test", resume = page.GetProperty("resume").GetString() });
        Assert.True(reloaded.GetProperty("resumed").GetBoolean());
        var again = await StartAsync(onB, reloaded);
        Assert.Equal(conversation.Id, again.Id);
        var processor = b.Services.GetRequiredService<IActivityProcessor>();
        await processor.DrainAsync("directline|" + again.Id);
        await onB.PostAsync(again, DirectLineClient.Message(Script.Replies[1], "c3"));
        await processor.DrainAsync("directline|" + again.Id);

        var texts = (await onB.PollAsync(again)).GetProperty("activities").EnumerateArray()
            .Where(x => x.GetProperty("from").GetProperty("role").GetString() == "bot" && x.TryGetProperty("text", out _))
            .Select(x => x.GetProperty("text").GetString()!).ToList();
        Assert.Contains(texts, t => t.Contains("继续刚才的练习", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("**敏感肌的林女士**", StringComparison.Ordinal));
        var store = b.Services.GetRequiredService<ITrainingStore>();
        var session = Assert.Single(await store.SessionsAsync(new SessionQuery()));
        Assert.Equal(Script.Replies[..2], (await store.TurnsAsync(session.Id)).Select(t => t.TraineeText));
    }

    private WebApplicationFactory<Program> Instance() => new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = _database.Options.Provider,
            ["Storage:ConnectionString"] = _database.Options.ConnectionString,
            ["Storage:Outbox:IntervalSeconds"] = "0",
            ["Storage:PruneIntervalMinutes"] = "0",
            ["Conversations:ChaserIntervalSeconds"] = "0",
            ["WebChat:DirectLine:TokenSigningKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray()),
        })));

    private static async Task<JsonElement> TokenAsync(DirectLineClient client, object body)
    {
        using var response = await client.SendAsync(HttpMethod.Post, "/webchat/token", null, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    private static async Task<DirectLineClient.Started> StartAsync(DirectLineClient client, JsonElement page)
    {
        using var start = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", page.GetProperty("token").GetString(), new { user = new { id = "u_test" } });
        Assert.True(start.IsSuccessStatusCode, $"start: {(int)start.StatusCode}");
        var body = await start.Content.ReadFromJsonAsync<JsonElement>();
        return new DirectLineClient.Started(body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!, body.GetProperty("streamUrl").GetString()!, body);
    }
}
