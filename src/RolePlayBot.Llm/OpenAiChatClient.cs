using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using AiResponseFormat = Microsoft.Extensions.AI.ChatResponseFormat;
using SdkChatMessage = OpenAI.Chat.ChatMessage;
using SdkFinishReason = OpenAI.Chat.ChatFinishReason;
using SdkResponseFormat = OpenAI.Chat.ChatResponseFormat;

namespace RolePlayBot.Llm;

/// <summary>
/// <see cref="IChatClient"/> over the official OpenAI SDK's <see cref="ChatClient"/>: text chat with
/// temperature, token limit and JSON / JSON-schema output — what the customer and the judge need, nothing more.
/// </summary>
public sealed class OpenAiChatClient(ChatClient chatClient, Uri? endpoint = null, string? modelId = null) : IChatClient
{
    /// <summary>The key of <see cref="ChatOptions.AdditionalProperties"/> that asks for a strict JSON schema (as Microsoft.Extensions.AI.OpenAI spells it).</summary>
    public const string StrictJsonSchemaKey = "strictJsonSchema";

    private readonly ChatClientMetadata _metadata = new("openai", endpoint, modelId);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var completion = (await chatClient.CompleteChatAsync(ToSdk(messages), ToSdk(options), cancellationToken)).Value;
        var text = string.Concat(completion.Content.Select(part => part.Text));
        return new ChatResponse(new AiChatMessage(ChatRole.Assistant, text))
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = ToAi(completion.FinishReason),
            Usage = ToAi(completion.Usage),
            RawRepresentation = completion,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AiChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = chatClient.CompleteChatStreamingAsync(ToSdk(messages), ToSdk(options), cancellationToken);
        await foreach (var update in updates.WithCancellation(cancellationToken))
        {
            // One update per token or so: no LINQ here, and room for exactly what it carries.
            var parts = update.ContentUpdate;
            var contents = new List<AIContent>(parts.Count + (update.Usage is null ? 0 : 1));
            for (var i = 0; i < parts.Count; i++)
            {
                if (!string.IsNullOrEmpty(parts[i].Text))
                {
                    contents.Add(new TextContent(parts[i].Text));
                }
            }

            if (ToAi(update.Usage) is { } usage)
            {
                contents.Add(new UsageContent(usage));
            }
            yield return new ChatResponseUpdate(ChatRole.Assistant, contents)
            {
                ResponseId = update.CompletionId,
                ModelId = update.Model,
                CreatedAt = update.CreatedAt,
                FinishReason = update.FinishReason is { } reason ? ToAi(reason) : null,
                RawRepresentation = update,
            };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType == typeof(ChatClient) ? chatClient
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static List<SdkChatMessage> ToSdk(IEnumerable<AiChatMessage> messages) =>
        [.. messages.Select(m => m.Role == ChatRole.System ? new SystemChatMessage(m.Text)
            : m.Role == ChatRole.User ? new UserChatMessage(m.Text)
            : m.Role == ChatRole.Assistant ? (SdkChatMessage)new AssistantChatMessage(m.Text)
            : throw new NotSupportedException($"Chat role '{m.Role}' is not supported by {nameof(OpenAiChatClient)}"))];

    private static ChatCompletionOptions ToSdk(ChatOptions? options)
    {
        var sdk = new ChatCompletionOptions();
        if (options is null)
        {
            return sdk;
        }
        sdk.Temperature = options.Temperature;
        sdk.TopP = options.TopP;
        sdk.MaxOutputTokenCount = options.MaxOutputTokens;
        foreach (var stop in options.StopSequences ?? [])
        {
            sdk.StopSequences.Add(stop);
        }
        sdk.ResponseFormat = options.ResponseFormat switch
        {
            ChatResponseFormatJson { Schema: { } schema } json => SdkResponseFormat.CreateJsonSchemaFormat(
                json.SchemaName ?? "response",
                BinaryData.FromString(schema.GetRawText()),
                json.SchemaDescription,
                options.AdditionalProperties?.TryGetValue(StrictJsonSchemaKey, out var strict) == true && strict is bool b ? b : null),
            ChatResponseFormatJson => SdkResponseFormat.CreateJsonObjectFormat(),
            ChatResponseFormatText => SdkResponseFormat.CreateTextFormat(),
            null => null,
            var other => throw new NotSupportedException($"Response format {other.GetType().Name} is not supported"),
        };
        return sdk;
    }

    private static AiFinishReason ToAi(SdkFinishReason reason) => reason switch
    {
        SdkFinishReason.Stop => AiFinishReason.Stop,
        SdkFinishReason.Length => AiFinishReason.Length,
        SdkFinishReason.ContentFilter => AiFinishReason.ContentFilter,
        SdkFinishReason.ToolCalls or SdkFinishReason.FunctionCall => AiFinishReason.ToolCalls,
        _ => new AiFinishReason(reason.ToString().ToLowerInvariant()),
    };

    private static UsageDetails? ToAi(ChatTokenUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokenCount,
        OutputTokenCount = usage.OutputTokenCount,
        TotalTokenCount = usage.TotalTokenCount,
        // prompt_tokens_details.cached_tokens: the prompt prefix the provider served from its cache.
        CachedInputTokenCount = usage.InputTokenDetails?.CachedTokenCount,
    };
}
