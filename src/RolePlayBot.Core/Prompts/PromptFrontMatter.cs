namespace RolePlayBot.Core.Prompts;

// Shapes of the Prompty front matter that YamlDotNet fills; unknown keys are ignored so authors can add notes.
internal sealed class PromptFrontMatter
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public PromptModel? Model { get; set; }
    public Dictionary<string, PromptInputSpec?>? Inputs { get; set; }
}

internal sealed class PromptModel
{
    public string? Api { get; set; }
    public PromptParameters? Parameters { get; set; }
}

internal sealed class PromptParameters
{
    public float? Temperature { get; set; }
    public int? MaxTokens { get; set; }
    public float? TopP { get; set; }
    /// <summary>"text", "json_object" or "json_schema", or a mapping with <c>type</c> (and for json_schema <c>name</c>, <c>strict</c>).</summary>
    public object? ResponseFormat { get; set; }
}

internal sealed class PromptInputSpec
{
    public string? Description { get; set; }
    public string? Type { get; set; }
    public string? Default { get; set; }
}
