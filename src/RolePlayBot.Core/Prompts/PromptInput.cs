namespace RolePlayBot.Core.Prompts;

/// <summary>An input the prompt file declares in its front matter.</summary>
/// <param name="Default">Used when the caller gives no value; inputs without one are required.</param>
public sealed record PromptInput(string Name, string Description, string? Default);
