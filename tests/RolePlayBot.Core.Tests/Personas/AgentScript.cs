namespace RolePlayBot.Core.Tests.Personas;

/// <summary>A scripted trainee: one reply per non-empty line of a TestData/agents file.</summary>
internal static class AgentScript
{
    public static IReadOnlyList<string> Read(string path) =>
        File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
