using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using RolePlayBot.Llm.Resilience;

namespace RolePlayBot.Llm;

/// <summary>Builds the one <see cref="IChatClient"/> the app uses from <see cref="LlmOptions"/>.</summary>
public static class ChatClientFactory
{
    public const string AzureScope = "https://cognitiveservices.azure.com/.default";

    // Local servers ignore the key, but the SDK insists on one.
    private const string PlaceholderKey = "not-needed";

    /// <param name="options">Validated here; throws with every problem listed.</param>
    /// <param name="credential">For <c>entra</c> auth; defaults to <see cref="DefaultAzureCredential"/>.</param>
    /// <param name="circuitChanged">Told when the circuit breaker opens, probes and closes (the host logs it).</param>
    public static IChatClient Create(LlmOptions options, TokenCredential? credential = null, Action<CircuitChange>? circuitChanged = null) =>
        Create(options, credential, transport: null, circuitChanged: circuitChanged);

    /// <param name="transport">The HTTP transport; tests pass one that trusts a loopback test certificate.</param>
    /// <param name="time">The circuit breaker's and the timeouts' clock; tests pass a manual one.</param>
    internal static IChatClient Create(
        LlmOptions options, TokenCredential? credential, PipelineTransport? transport, TimeProvider? time = null, Action<CircuitChange>? circuitChanged = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            throw new InvalidOperationException($"No model is configured: set {LlmOptions.SectionName}:Endpoint and {LlmOptions.SectionName}:Model");
        }
        options.EnsureValid();

        var endpoint = new Uri(options.Endpoint!.TrimEnd('/') + "/");
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            RetryPolicy = new BoundedRetryPolicy(
                options.MaxRetries, TimeSpan.FromSeconds(options.RetryDelaySeconds), TimeSpan.FromSeconds(options.MaxRetryDelaySeconds)),
        };
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        // The AuthenticationPolicy constructor is marked experimental (OPENAI001), but it is the SDK's way to send
        // Azure's api-key header or an Entra bearer token with the same client.
#pragma warning disable OPENAI001
        var chatClient = new ChatClient(options.Model!, Authentication(options, credential), clientOptions);
#pragma warning restore OPENAI001
        return Compose(new OpenAiChatClient(chatClient, endpoint, options.Model), options, time, circuitChanged);
    }

    /// <summary>
    /// The layers under the PII mask (which <see cref="PracticeEngineFactory"/> puts outermost, so nothing unmasked
    /// reaches any of them), outermost first: timeouts and the circuit breaker (one per client, so shared by every
    /// session using it), then the SDK's pipeline with its jittered retries.
    /// </summary>
    private static IChatClient Compose(IChatClient model, LlmOptions options, TimeProvider? time, Action<CircuitChange>? circuitChanged)
    {
        var breaker = new CircuitBreaker(options.CircuitBreakerFailures, TimeSpan.FromSeconds(options.CircuitBreakerSeconds), time, circuitChanged);
        return new ResilientChatClient(model, breaker, ModelTimeouts.From(options), time);
    }

    private static AuthenticationPolicy Authentication(LlmOptions options, TokenCredential? credential)
    {
        if (options.Auth == AuthModes.Entra)
        {
            return new BearerTokenPolicy(credential ?? new DefaultAzureCredential(), AzureScope);
        }
        var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? PlaceholderKey : options.ApiKey);
        return options.IsAzure
            ? ApiKeyAuthenticationPolicy.CreateHeaderApiKeyPolicy(key, "api-key")
            : ApiKeyAuthenticationPolicy.CreateBearerAuthorizationPolicy(key);
    }
}
