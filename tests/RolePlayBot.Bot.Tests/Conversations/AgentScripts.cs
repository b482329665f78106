namespace RolePlayBot.Bot.Tests.Conversations;

/// <summary>The good and bad agent transcripts the Core tests use (tests/RolePlayBot.Core.Tests/TestData/agents).</summary>
internal static class AgentScripts
{
    public static IReadOnlyList<string> Lines(string persona, string locale, string kind)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RolePlayBot.sln")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir!.FullName, "tests", "RolePlayBot.Core.Tests", "TestData", "agents", $"{persona}.{locale}.{kind}.txt");
        return File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList();
    }
}
