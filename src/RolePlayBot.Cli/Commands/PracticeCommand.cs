using System.CommandLine;
using System.Text.Json;
using RolePlayBot.Cli.Terminal;
using RolePlayBot.Core.Reports;
using RolePlayBot.Core.Scoring;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Cli.Commands;

/// <summary>`rpb practice`: an interactive session in the terminal, or a scripted one from a replies file.</summary>
public static class PracticeCommand
{
    public static Command Build()
    {
        var persona = new Option<string?>("--persona") { Description = "Persona id (default: choose from a list; with --replies, required)." };
        var locale = new Option<string?>("--locale") { Description = "zh-CN or en (default: the persona's first language, zh-CN)." };
        var replies = new Option<string?>("--replies") { Description = "Non-interactive: one trainee reply per line; a line may start with a simulated reply time such as '+90s '." };
        var json = new Option<bool>("--json") { Description = "With --replies: print the whole session as JSON." };
        var seed = new Option<int>("--seed") { Description = "Seed for the offline customer (same seed, same conversation).", DefaultValueFactory = _ => 1 };
        var noFeedback = new Option<bool>("--no-feedback") { Description = "Interactive: start with per-reply feedback off (exam mode); /feedback toggles it." };
        var command = new Command("practice", "Practise with a difficult customer. 与难缠客户对练。") { persona, locale, replies, json, seed, noFeedback };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var workspace = Workspace.Load(parse, Console.Error);
            var repliesPath = parse.GetValue(replies);
            if (repliesPath is not null)
            {
                return await RunScriptedAsync(workspace, parse.GetValue(persona), parse.GetValue(locale), repliesPath, parse.GetValue(json), parse.GetValue(seed), cancellationToken);
            }

            var interactive = new InteractivePractice(workspace, parse.GetValue(seed), !parse.GetValue(noFeedback));
            return await interactive.RunAsync(parse.GetValue(persona), parse.GetValue(locale), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunScriptedAsync(Workspace workspace, string? personaId, string? locale, string path, bool json, int seed, CancellationToken cancellationToken)
    {
        if (personaId is null)
        {
            Console.Error.WriteLine("error: --replies needs --persona ID (see `rpb personas list`).");
            return 2;
        }

        var persona = workspace.Personas.Find(personaId, locale);
        if (persona is null)
        {
            Console.Error.WriteLine($"error: unknown persona '{personaId}'. Known: {string.Join(", ", workspace.Personas.Ids)}");
            return 2;
        }

        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"error: {path}: no such file");
            return 2;
        }

        var engines = workspace.CreateEngines(Console.Error);
        var clock = new SimulatedClock();
        var session = new PracticeSession(persona, engines.Engines, clock, seed);
        session.Start(clock.GetUtcNow());
        foreach (var reply in ScriptedReply.Parse(await File.ReadAllLinesAsync(path, cancellationToken)))
        {
            if (session.IsOver)
            {
                break;
            }

            await session.ReplyAfterAsync(reply.Text, reply.ReplyTime, cancellationToken);
        }

        var scorecard = new ScorecardBuilder(workspace.Checklist).Build(session);
        if (json)
        {
            var report = SessionReport.From(session, scorecard, engines.Name);
            Console.Out.WriteLine(JsonSerializer.Serialize(report, RpbJson.Options));
        }
        else
        {
            TranscriptView.Write(session, showFeedback: true);
            ScorecardView.Write(scorecard);
        }

        return 0;
    }
}
