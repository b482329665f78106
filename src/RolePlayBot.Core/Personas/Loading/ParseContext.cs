using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RolePlayBot.Core.Personas.Loading;

/// <summary>What every section reader of one persona file shares: where errors go and how YAML lines map to file lines.</summary>
internal sealed class ParseContext(string file, int lineOffset, IReadOnlySet<string> checklistIds)
{
    public string File { get; } = file;

    /// <summary>Known checklist ids: the 13 contract ids plus any custom ones the loader was given.</summary>
    public IReadOnlySet<string> ChecklistIds { get; } = checklistIds;

    public List<PersonaError> Errors { get; } = [];

    /// <summary>Line of the top-level <c>id:</c>, where a duplicate-id error found later points.</summary>
    public int IdLine { get; set; } = 1;

    /// <summary>File line of a node: YamlDotNet counts from the front matter's first line, the file from the opening <c>---</c>.</summary>
    public int LineOf(YamlNode node) => LineOf(node.Start);

    public int LineOf(Mark mark) => FileLine(mark.Line);

    /// <summary>File line of a 1-based line of the front matter's YAML text.</summary>
    public int FileLine(long yamlLine) => (int)yamlLine + lineOffset;

    public void Error(int line, string field, string message) => Errors.Add(new PersonaError(File, line, field, message));
}
