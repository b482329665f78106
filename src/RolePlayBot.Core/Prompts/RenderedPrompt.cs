using Microsoft.Extensions.AI;

namespace RolePlayBot.Core.Prompts;

/// <summary>A rendered prompt: the messages to send and the options from the file's model parameters.</summary>
public sealed record RenderedPrompt(IReadOnlyList<ChatMessage> Messages, ChatOptions Options);
