using Microsoft.Extensions.AI;

namespace RolePlayBot.Llm.Privacy;

public static class PiiMaskingExtensions
{
    /// <summary>The client behind a <see cref="PiiMaskingChatClient"/>, or as it is when masking is off.</summary>
    public static IChatClient UsePiiMasking(this IChatClient client, PiiMaskingOptions? options) =>
        options is { Any: true } ? new PiiMaskingChatClient(client, options) : client;
}
