namespace RolePlayBot.Core.Prompts;

/// <summary>A prompt file that cannot be used, with the file and line to fix.</summary>
public sealed class PromptTemplateException(string source, int line, string problem)
    : FormatException($"{source}:{line}: {problem}")
{
    public string File { get; } = source;
    public int Line { get; } = line;
}
