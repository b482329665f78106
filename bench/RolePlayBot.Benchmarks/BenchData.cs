using System.Text.Json;
using RolePlayBot.Core;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Personas;
using RolePlayBot.Core.Scoring;
using RolePlayBot.Core.Sessions;
using RolePlayBot.Llm;

namespace RolePlayBot.Benchmarks;

/// <summary>The repository's checklist, personas and labelled replies, loaded once per benchmark process.</summary>
public sealed class BenchData
{
    private BenchData(PracticeFiles files)
    {
        Checklist = files.LoadChecklist();
        Personas = files.LoadPersonas(Checklist);
        Rules = new RuleEvaluator(Checklist);
        Engines = PracticeEngineFactory.Create(new LlmOptions(), Checklist, Rules, new ReplyScorer(Checklist), files.PromptsPath).Engines;
        var labelled = Path.Combine(files.Root, "tests", "RolePlayBot.Core.Tests", "TestData", "labelled-replies.jsonl");
        Replies = [.. File.ReadLines(labelled).Where(l => l.Trim().Length > 0).Select(Parse)];
    }

    public static BenchData Instance { get; } = new(PracticeFiles.Resolve(null, null, null, AppContext.BaseDirectory, Directory.GetCurrentDirectory()));

    public ChecklistDefinition Checklist { get; }

    public PersonaCatalog Personas { get; }

    public RuleEvaluator Rules { get; }

    public PracticeEngines Engines { get; }

    /// <summary>The development set: real trainee replies in zh-CN and English, each with the customer line it answers.</summary>
    public IReadOnlyList<EvaluationRequest> Replies { get; }

    private static EvaluationRequest Parse(string line)
    {
        using var row = JsonDocument.Parse(line);
        var root = row.RootElement;
        return new EvaluationRequest(
            root.GetProperty("reply").GetString()!, root.GetProperty("customer").GetString()!, root.GetProperty("locale").GetString()!,
            ReplyTime: TimeSpan.FromSeconds(40));
    }
}
