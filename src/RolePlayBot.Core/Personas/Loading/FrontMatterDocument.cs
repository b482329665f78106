namespace RolePlayBot.Core.Personas.Loading;

/// <summary>A persona file cut into its YAML front matter and its Markdown body.</summary>
/// <param name="Yaml">The text between the two <c>---</c> lines.</param>
/// <param name="YamlLineOffset">Added to a 1-based YAML line to get the file line (1: the opening <c>---</c> is line 1).</param>
/// <param name="Body">The Markdown after the closing <c>---</c>, trimmed.</param>
/// <param name="BodyLine">File line where the body starts.</param>
internal sealed record FrontMatterDocument(string Yaml, int YamlLineOffset, string Body, int BodyLine);
