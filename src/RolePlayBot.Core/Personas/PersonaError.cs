namespace RolePlayBot.Core.Personas;

/// <summary>One problem found in a persona file, precise enough for a trainer to fix it in an editor.</summary>
/// <param name="File">The persona file's path (or the folder, for folder-level problems).</param>
/// <param name="Line">1-based line in the file; the front matter's opening <c>---</c> is line 1. 0 when no line applies.</param>
/// <param name="Field">Dotted path of the field (<c>mood.anger</c>, <c>lines.escalation</c>, <c>hidden_needs[1].reminders</c>); <c>front_matter</c> for file-level problems.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record PersonaError(string File, int Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}
