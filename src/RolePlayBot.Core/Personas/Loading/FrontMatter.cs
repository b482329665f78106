namespace RolePlayBot.Core.Personas.Loading;

/// <summary>Splits "---\n yaml \n---\n markdown" text; reports a missing or unclosed front matter.</summary>
internal static class FrontMatter
{
    private const string Delimiter = "---";
    public const string Field = "front_matter";

    public static FrontMatterDocument? Split(string text, ParseContext context)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        if (lines[0].TrimEnd() != Delimiter)
        {
            context.Error(1, Field, "the file must start with a '---' line, then the YAML fields, then another '---' line");
            return null;
        }

        var closing = Array.FindIndex(lines, 1, l => l.TrimEnd() == Delimiter);
        if (closing < 0)
        {
            context.Error(1, Field, "the front matter opened on line 1 is never closed with a '---' line");
            return null;
        }

        var yaml = string.Join('\n', lines[1..closing]);
        var body = string.Join('\n', lines[(closing + 1)..]).Trim();
        return new FrontMatterDocument(yaml, 1, body, closing + 2);
    }
}
