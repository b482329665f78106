using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;

namespace RolePlayBot.Core.Tests.Rules;

/// <summary>The repository the tests run from (the folder with RolePlayBot.sln) and the real checklist in it.</summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> Root = new(Find);
    private static readonly Lazy<ChecklistDefinition> LazyChecklist = new(() => ChecklistLoader.Load(File(ChecklistLoader.FileName)));
    private static readonly Lazy<RuleEvaluator> LazyEvaluator = new(() => new RuleEvaluator(Checklist));

    public static string Path => Root.Value;

    public static ChecklistDefinition Checklist => LazyChecklist.Value;

    public static RuleEvaluator Evaluator => LazyEvaluator.Value;

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "RolePlayBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"RolePlayBot.sln not found above {AppContext.BaseDirectory}");
    }
}
