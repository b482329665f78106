namespace RolePlayBot.Core.Prompts;

/// <summary>One role section of a prompt body, as written (before rendering).</summary>
/// <param name="Role">"system", "user" or "assistant".</param>
/// <param name="Text">The Handlebars template of the section.</param>
/// <param name="Line">The line of its role marker in the file.</param>
public sealed record PromptSection(string Role, string Text, int Line);
