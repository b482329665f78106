using System.CommandLine;
using System.Text;
using RolePlayBot.Core.Reports;

namespace RolePlayBot.Cli.Commands;

/// <summary>`rpb evaluate --input FILE.jsonl`: batch evaluation, one verdict per line on stdout.</summary>
public static class EvaluateCommand
{
    public static Command Build()
    {
        var input = new Option<string>("--input") { Description = "JSON Lines file: {\"id\",\"locale\",\"customer\",\"reply\",\"persona\"?} per line; - for standard input.", Required = true };
        var command = new Command("evaluate", "Evaluate trainee replies in bulk against the checklist. 批量评估客服回复。") { input };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var workspace = Workspace.Load(parse, Console.Error);
            var path = parse.GetValue(input)!;
            if (path != "-" && !File.Exists(path))
            {
                Console.Error.WriteLine($"error: {path}: no such file");
                return 2;
            }

            var engines = workspace.CreateEngines(Console.Error);
            using var reader = path == "-" ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8) : new StreamReader(path, Encoding.UTF8);
            await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
            var parallelism = engines.UsesModel ? 4 : Environment.ProcessorCount;
            var batch = new BatchEvaluation(engines.Engines.Evaluator, (id, locale) => workspace.Personas.Find(id, locale), parallelism);
            var summary = await batch.RunAsync(reader, stdout, cancellationToken);
            Console.Error.WriteLine($"{summary.Evaluated} evaluated, {summary.Errors} bad line(s).");
            if (summary.FellBack > 0)
            {
                Console.Error.WriteLine($"{summary.FellBack} of them judged by the rules alone: the model gave no usable verdict (\"judge\":\"fallback\"). 其中 {summary.FellBack} 条因模型不可用由离线规则评估。");
            }
            return summary.Errors == 0 ? 0 : 1;
        });
        return command;
    }
}
