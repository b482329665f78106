using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Tests.BotFramework;
using RolePlayBot.Bot.Tests.Conversations;
using RolePlayBot.Bot.Tests.DirectLine;
using RolePlayBot.Bot.Tests.Logging;
using RolePlayBot.Bot.Turns;

namespace RolePlayBot.Bot.Tests.Fuzz;

/// <summary>
/// Thousands of seeded malformed activities against the real host (real parser, processor, turn handler, storage):
/// never a 500 or a failed turn, every refusal a 4xx with a reason, and a valid turn still works afterwards.
/// </summary>
public sealed class ActivityFuzzTests
{
    private const int Cases = 1500;
    private static readonly string[] ContentTypes = ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", ""];

    [Fact]
    public async Task Malformed_activities_to_api_messages_never_break_the_host()
    {
        var logs = new CapturedLogs();
        var sender = new RecordingChannelSender();
        using var host = Host(logs, s => s.AddSingleton<IChannelSender>(sender));
        var client = host.CreateClient();
        var mutator = new ActivityMutator(20261122, "https://fuzz.example/");
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        var statuses = new Dictionary<HttpStatusCode, int>();

        for (var i = 0; i < Cases; i++)
        {
            var body = mutator.Next();
            using var response = await client.PostAsync("/api/messages", new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });

            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.NotImplemented,
                $"case {i}: {(int)response.StatusCode} for {Shorten(body)}");
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge)
            {
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), $"case {i}: no reason");
            }
            else if (TryParse(body) is { } activity)
            {
                accepted.Add(ConversationReference.From(activity).Key);
            }
        }

        var processor = host.Services.GetRequiredService<IActivityProcessor>();
        foreach (var key in accepted)
        {
            await processor.DrainAsync(key);
        }

        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > Cases / 4, string.Join(", ", statuses));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > Cases / 10, string.Join(", ", statuses));
        Assert.Empty(logs.Lines.Where(l => l.Level >= LogLevel.Error).Select(l => l.ToString()));

        // The host still serves a valid turn.
        var help = JsonSerializer.Deserialize<Activity>(Fixtures.JsonWithServiceUrl("teams-personal-message", "https://fuzz.example/"), BotJson.Options)!;
        help.Conversation!.Id = "after-the-fuzz";
        help.Text = "help";
        using var ok = await client.PostAsync("/api/messages", new StringContent(JsonSerializer.Serialize(help, BotJson.Options), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await processor.DrainAsync(ConversationReference.From(help).Key);
        Assert.Contains(sender.Sent, s => s.Reference.Conversation.Id == "after-the-fuzz" && s.Activity.Text?.Contains("怎么练", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Malformed_activities_to_Direct_Line_never_break_the_host()
    {
        var logs = new CapturedLogs();
        using var host = Host(logs);
        var client = new DirectLineClient(host.CreateClient());
        var conversation = await client.StartAsync("u_test");
        var path = $"/v3/directline/conversations/{conversation.Id}/activities";
        var mutator = new ActivityMutator(7, "urn:ignored");
        var random = new Random(7);

        for (var i = 0; i < Cases / 2; i++)
        {
            var body = mutator.Next();
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
            var contentType = ContentTypes[random.Next(ContentTypes.Length)];
            if (contentType.Length > 0)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            using var response = await client.Http.SendAsync(request);

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge,
                $"case {i}: {(int)response.StatusCode} for {Shorten(body)}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var error = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("error").GetProperty("message").GetString()), $"case {i}: no reason");
            }
        }

        await host.Services.GetRequiredService<IActivityProcessor>().DrainAsync("directline|" + conversation.Id);
        Assert.Empty(logs.Lines.Where(l => l.Level >= LogLevel.Error || (l.Level == LogLevel.Warning && l.Category.StartsWith("RolePlayBot.Bot.DirectLine", StringComparison.Ordinal))).Select(l => l.ToString()));

        var watermark = (await client.PollAsync(conversation)).GetProperty("watermark").GetString();
        await client.PostAsync(conversation, DirectLineClient.Message("help", "after"));
        await host.Services.GetRequiredService<IActivityProcessor>().DrainAsync("directline|" + conversation.Id);
        var after = (await client.PollAsync(conversation, watermark)).GetProperty("activities").EnumerateArray();
        Assert.Contains(after, a => a.TryGetProperty("text", out var t) && t.GetString()!.Contains("怎么练", StringComparison.Ordinal));
    }

    private static WebApplicationFactory<Program> Host(CapturedLogs logs, Action<IServiceCollection>? services = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Conversations:ChaserIntervalSeconds", "0");
            web.UseSetting("RateLimits:Enabled", "false");
            web.ConfigureLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            web.ConfigureServices(s => services?.Invoke(s));
        });

    private static Activity? TryParse(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
