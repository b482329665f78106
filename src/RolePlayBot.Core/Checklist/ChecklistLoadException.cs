namespace RolePlayBot.Core.Checklist;

/// <summary>The checklist file is wrong: the message names the file, the line and the field so a trainer can fix it.</summary>
public sealed class ChecklistLoadException : Exception
{
    public ChecklistLoadException(string file, int line, string field, string problem, Exception? inner = null)
        : base($"{file}:{line}: {field}: {problem}", inner)
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    public string File { get; }

    /// <summary>1-based line in the file (0 when the problem is the file as a whole).</summary>
    public int Line { get; }

    /// <summary>Path of the field, e.g. <c>items[3].detectors[0].patterns[2]</c>.</summary>
    public string Field { get; }

    public string Problem { get; }
}
