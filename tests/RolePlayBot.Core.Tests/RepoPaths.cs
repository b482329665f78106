namespace RolePlayBot.Core.Tests;

/// <summary>Finds the repository root (the folder holding RolePlayBot.sln) so tests read the real shipped files.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    public static string Personas => Path.Combine(RepoRoot, "personas");

    public static string AgentScripts => Path.Combine(RepoRoot, "tests", "RolePlayBot.Core.Tests", "TestData", "agents");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RolePlayBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"RolePlayBot.sln not found above {AppContext.BaseDirectory}");
    }
}
