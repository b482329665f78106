namespace RolePlayBot.LoadTest;

/// <summary>
/// One scripted agent from tests/RolePlayBot.Core.Tests/TestData/agents: a persona, its locale, and the agent's replies
/// in order (a good or a bad agent), so simulated trainees play real sessions that resolve or escalate.
/// </summary>
public sealed record AgentScript(string PersonaId, string Locale, IReadOnlyList<string> Replies)
{
    /// <summary>Every "{persona}.{locale}.{good|bad}.txt"; "+90s " delays are dropped (the load runs in real time).</summary>
    public static IReadOnlyList<AgentScript> Load(string repo)
    {
        var folder = Path.Combine(repo, "tests", "RolePlayBot.Core.Tests", "TestData", "agents");
        var scripts = new List<AgentScript>();
        foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var parts = Path.GetFileNameWithoutExtension(file).Split('.');
            if (parts.Length != 3)
            {
                continue;
            }

            var replies = File.ReadAllLines(file)
                .Select(l => l.StartsWith('+') && l.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space ? l[(space + 1)..] : l)
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .ToList();
            if (replies.Count > 0)
            {
                scripts.Add(new AgentScript(parts[0], parts[1], replies));
            }
        }

        return scripts.Count > 0 ? scripts : throw new InvalidOperationException($"no agent scripts in {folder}");
    }
}
