using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.BotFramework;

/// <summary>/api/messages with authentication off (no app id), as the Emulator and local work use it.</summary>
public sealed class BotFrameworkHttpTests : IDisposable
{
    private readonly FakeTurnHandler handler = new();
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host;
    private readonly HttpClient client;

    public BotFrameworkHttpTests()
    {
        host = BotHost.Create(handler);
        client = host.CreateClient();
    }

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Get_is_not_allowed()
    {
        var response = await client.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json", "not a JSON activity")]
    [InlineData("", "no body")]
    [InlineData("null", "JSON null")]
    [InlineData("[1,2]", "not a JSON activity")]
    [InlineData("""{"text":"hi","conversation":{"id":"c1"},"serviceUrl":"http://localhost/"}""", "no type")]
    [InlineData("""{"type":"message","serviceUrl":"http://localhost/"}""", "no conversation id")]
    [InlineData("""{"type":"message","conversation":{"id":"c1"}}""", "no serviceUrl")]
    [InlineData("""{"type":"message","timestamp":"yesterday","conversation":{"id":"c1"},"serviceUrl":"http://localhost/"}""", "not a JSON activity")]
    [InlineData("""{"type":"message","deliveryMode":"expectReplies","conversation":{"id":"c1"},"serviceUrl":"http://localhost/"}""", "expectReplies")]
    public async Task Bad_input_is_a_400_with_a_reason(string body, string reason)
    {
        var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
        Assert.Empty(handler.Turns);
    }

    [Fact]
    public async Task An_oversized_body_is_a_413()
    {
        var text = new string('啊', 400_000);
        var response = await PostAsync($$"""{"type":"message","text":"{{text}}","conversation":{"id":"c1"},"serviceUrl":"http://localhost/"}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    /// <summary>A body sent in chunks, with no Content-Length (as some proxies forward it).</summary>
    private sealed class ChunkedContent(string text) : HttpContent
    {
        private readonly byte[] bytes = Encoding.UTF8.GetBytes(text);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (var at = 0; at < bytes.Length; at += 4096)
            {
                await stream.WriteAsync(bytes.AsMemory(at, Math.Min(4096, bytes.Length - at)));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Theory]
    [InlineData(200, HttpStatusCode.OK)]
    [InlineData(400_000, HttpStatusCode.RequestEntityTooLarge)]
    public async Task A_body_without_a_length_is_read_whole_and_held_to_the_same_limit(int characters, HttpStatusCode expected)
    {
        var text = new string('啊', characters);
        using var content = new ChunkedContent($$"""{"type":"message","id":"chunked-1","text":"{{text}}","conversation":{"id":"c1"},"serviceUrl":"http://localhost/"}""");
        content.Headers.ContentType = new("application/json");

        var response = await client.PostAsync("/api/messages", content);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            await handler.WaitForTurnsAsync(1);
            Assert.Equal(text, Assert.Single(handler.Turns).Activity.Text);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5_000)]
    [InlineData(300_000)]
    public async Task A_body_with_its_length_is_read_exactly(int characters)
    {
        var text = new string('好', characters);
        var response = await PostAsync($$"""{"type":"message","id":"sized-1","text":"{{text}}","conversation":{"id":"c1"},"serviceUrl":"http://localhost/"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await handler.WaitForTurnsAsync(1);
        Assert.Equal(text, Assert.Single(handler.Turns).Activity.Text);
    }

    [Theory]
    [MemberData(nameof(Fixtures.All), MemberType = typeof(Fixtures))]
    public async Task Every_fixture_is_accepted_without_a_token_and_reaches_the_handler(string fixture)
    {
        handler.OnTurn = (context, _) => Task.FromResult(context.Activity.Type == ActivityTypes.Invoke ? new InvokeResponse(200, null) : null);
        var response = await PostAsync(Fixtures.Json(fixture));

        Assert.True(response.IsSuccessStatusCode, $"{fixture}: {(int)response.StatusCode}");
        await handler.WaitForTurnsAsync(1);
        var turn = Assert.Single(handler.Turns);
        Assert.Equal(Fixtures.Activity(fixture).Id, turn.Activity.Id);
    }

    [Fact]
    public async Task A_message_is_answered_200_with_an_empty_body_before_the_turn_finishes()
    {
        var release = new TaskCompletionSource();
        handler.OnTurn = async (_, _) =>
        {
            await release.Task;
            return null;
        };

        var response = await PostAsync(Fixtures.Json("teams-personal-message"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        release.SetResult();
        await handler.WaitForTurnsAsync(1);
        Assert.Equal("你好，我的订单三天了还没发货", Assert.Single(handler.Turns).Activity.Text);
    }

    [Fact]
    public async Task An_unknown_activity_type_is_tolerated()
    {
        var response = await PostAsync("""{"type":"somethingNew","conversation":{"id":"c1"},"serviceUrl":"http://localhost/","novel":{"a":1}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await handler.WaitForTurnsAsync(1);
        Assert.Equal(1, Assert.Single(handler.Turns).Activity.Extra!["novel"].GetProperty("a").GetInt32());
    }

    [Fact]
    public async Task An_invoke_answers_with_the_handlers_status_and_body()
    {
        handler.OnTurn = (context, _) => Task.FromResult<InvokeResponse?>(new InvokeResponse(200, new
        {
            statusCode = 200,
            type = "application/vnd.microsoft.activity.message",
            value = "练习已结束：" + context.Activity.Value!.Value.GetProperty("action").GetProperty("verb").GetString(),
        }));

        var response = await PostAsync(Fixtures.Json("teams-adaptive-card-action-invoke"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("练习已结束：endSession", body.GetProperty("value").GetString());
    }

    [Fact]
    public async Task An_invoke_the_handler_does_not_answer_is_a_501()
    {
        var response = await PostAsync(Fixtures.Json("teams-adaptive-card-action-invoke"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task An_invoke_with_a_non_200_status_is_passed_through()
    {
        handler.OnTurn = (_, _) => Task.FromResult<InvokeResponse?>(new InvokeResponse(400, new { code = "BadRequest" }));

        var response = await PostAsync("""{"type":"invoke","name":"task/fetch","conversation":{"id":"c1"},"serviceUrl":"http://localhost/"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadRequest", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private Task<HttpResponseMessage> PostAsync(string body) =>
        client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
}
