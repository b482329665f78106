using System.ClientModel;
using System.Diagnostics;
using System.Text.Json;
using Azure.Core;
using Microsoft.Extensions.AI;
using RolePlayBot.Llm.Tests.Fakes;

namespace RolePlayBot.Llm.Tests;

public sealed class OpenAiChatClientTests
{
    private static readonly ChatMessage[] Messages =
    [
        new(ChatRole.System, "You are a customer."),
        new(ChatRole.User, "您好，请问有什么可以帮您？"),
        new(ChatRole.Assistant, "水壶漏水了！"),
        new(ChatRole.User, "非常抱歉，马上为您处理。"),
    ];

    [Fact]
    public async Task Maps_messages_options_and_the_answer_over_http()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion("那你们什么时候给我换？"));
        using var client = Samples.Client(server);

        var response = await client.GetResponseAsync(Messages, new ChatOptions { Temperature = 0.5f, MaxOutputTokens = 99 });

        Assert.Equal("那你们什么时候给我换？", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(ScriptedReply.Model, response.ModelId);
        Assert.Equal(42, response.Usage?.InputTokenCount);
        Assert.Equal(7, response.Usage?.OutputTokenCount);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal(["system", "user", "assistant", "user"], request.Messages.Select(m => m.Role));
        Assert.Equal("水壶漏水了！", request.Messages[2].Content);
        Assert.Equal("test-model", request.Json.GetProperty("model").GetString());
        Assert.Equal(0.5, request.Json.GetProperty("temperature").GetDouble(), 3);
        Assert.Equal(99, request.Json.GetProperty("max_completion_tokens").GetInt32());
    }

    [Fact]
    public async Task Sends_a_strict_json_schema_or_json_object_response_format()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion("{}"), ScriptedReply.Completion("{}"));
        using var client = Samples.Client(server);
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"a":{"type":"string"}},"required":["a"],"additionalProperties":false}""").RootElement;

        await client.GetResponseAsync(Messages, new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "verdict", "the verdict"),
            AdditionalProperties = new() { [OpenAiChatClient.StrictJsonSchemaKey] = true },
        });
        await client.GetResponseAsync(Messages, new ChatOptions { ResponseFormat = ChatResponseFormat.Json });

        var format = server.Requests[0].Json.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("verdict", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Equal("object", format.GetProperty("json_schema").GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal("json_object", server.Requests[1].Json.GetProperty("response_format").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Streams_chunks_in_order()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Stream("那", "你们", "什么时候", "给我换？"));
        using var client = Samples.Client(server);

        var chunks = new List<string>();
        ChatFinishReason? finish = null;
        UsageDetails? usage = null;
        await foreach (var update in client.GetStreamingResponseAsync(Messages))
        {
            if (update.Text.Length > 0)
            {
                chunks.Add(update.Text);
            }
            finish ??= update.FinishReason;
            usage ??= update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details;
        }

        Assert.Equal(["那", "你们", "什么时候", "给我换？"], chunks);
        Assert.Equal("那你们什么时候给我换？", string.Concat(chunks));
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.Equal(42, usage?.InputTokenCount);
        Assert.True(Assert.Single(server.Requests).Json.GetProperty("stream").GetBoolean());
    }

    [Fact]
    public async Task Openai_style_endpoints_get_a_bearer_key()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion("ok"));
        using var client = ChatClientFactory.Create(Samples.Options(server.OpenAiEndpoint));

        await client.GetResponseAsync(Messages);

        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer test-key", request.Header("Authorization"));
        Assert.Null(request.Header("api-key"));
    }

    [Fact]
    public async Task Azure_v1_endpoints_get_the_api_key_header()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion("ok"));
        using var client = ChatClientFactory.Create(Samples.Options(server.AzureEndpoint));

        await client.GetResponseAsync(Messages);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal("test-key", request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task Local_servers_work_without_a_key()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion("ok"));
        var options = Samples.Options(server.OpenAiEndpoint);
        options.ApiKey = null;
        using var client = ChatClientFactory.Create(options);

        Assert.Equal("ok", (await client.GetResponseAsync(Messages)).Text);
        Assert.StartsWith("Bearer ", Assert.Single(server.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task Entra_auth_uses_the_sdk_bearer_token_policy_which_refuses_plain_http()
    {
        // BearerTokenPolicy will not send a token over http, so a loopback server cannot see it; this shows the
        // policy is the one in the pipeline, and that a token never leaks to a non-TLS endpoint.
        await using var server = new FakeChatServer();
        var options = Samples.Options(server.AzureEndpoint);
        options.Auth = AuthModes.Entra;
        options.ApiKey = null;
        using var client = ChatClientFactory.Create(options, new FakeCredential());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetResponseAsync(Messages));

        Assert.Contains("Bearer token", error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_then_retried()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Status(429, "", ("Retry-After", "1")), ScriptedReply.Completion("ok"));
        using var client = Samples.Client(server);

        var started = Stopwatch.GetTimestamp();
        var response = await client.GetResponseAsync(Messages);

        Assert.Equal("ok", response.Text);
        Assert.Equal(2, server.Requests.Count);
        var gap = Stopwatch.GetElapsedTime(server.Requests[0].ArrivedAt, server.Requests[1].ArrivedAt);
        Assert.InRange(gap, TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(3));
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_cap_fails_fast_instead_of_hanging()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Status(429, "", ("Retry-After", "120")), ScriptedReply.Completion("ok"));
        using var client = Samples.Client(server);

        var started = Stopwatch.GetTimestamp();
        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.GetResponseAsync(Messages));

        Assert.Equal(429, error.Status);
        Assert.Single(server.Requests);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_502_is_retried()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Status(502), ScriptedReply.Completion("ok"));
        using var client = Samples.Client(server);

        Assert.Equal("ok", (await client.GetResponseAsync(Messages)).Text);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_at_max_retries()
    {
        await using var server = new FakeChatServer();
        server.Default = ScriptedReply.Status(503);
        using var client = Samples.Client(server, maxRetries: 2);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.GetResponseAsync(Messages));

        Assert.Equal(503, error.Status);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_without_retrying()
    {
        await using var server = new FakeChatServer { Default = ScriptedReply.Completion("a retry would get this") };
        server.Enqueue(ScriptedReply.Hang());
        using var client = Samples.Client(server, timeoutSeconds: 1, maxRetries: 2);

        var started = Stopwatch.GetTimestamp();
        await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync(Messages));

        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(4));
        await server.NextRequestAsync();
    }

    private sealed class FakeCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("entra-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
