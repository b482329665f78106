using System.CommandLine;
using System.Text.Json;
using RolePlayBot.Core.Personas;
using RolePlayBot.Core.Reports;

namespace RolePlayBot.Cli.Commands;

/// <summary>`rpb personas list [--json]` and `rpb personas lint [PATH]`.</summary>
public static class PersonasCommand
{
    public static Command Build()
    {
        var command = new Command("personas", "List or check the persona files. 列出或检查客户角色文件。");
        command.Subcommands.Add(BuildList());
        command.Subcommands.Add(BuildLint());
        return command;
    }

    private static Command BuildList()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of {id, name, locale, dimension, difficulty}." };
        var list = new Command("list", "List the personas. 列出客户角色。") { json };
        list.SetAction(parse =>
        {
            var workspace = Workspace.Load(parse, Console.Error);
            var personas = Terminal.PersonaTable.Ordered(workspace.Personas.All);
            if (parse.GetValue(json))
            {
                var rows = personas.Select(p => new { p.Id, p.Name, p.Locale, Dimension = p.Dimension.ToString().ToLowerInvariant(), p.Difficulty });
                Console.Out.WriteLine(JsonSerializer.Serialize(rows, RpbJson.Options));
            }
            else
            {
                Terminal.PersonaTable.Write(personas);
            }

            ReportErrors(workspace.Personas.Errors);
            return 0;
        });
        return list;
    }

    private static Command BuildLint()
    {
        var path = new Argument<string?>("path") { Description = "A persona file or folder (default: the personas folder).", Arity = ArgumentArity.ZeroOrOne };
        var lint = new Command("lint", "Check persona files; exit code 1 when any is broken. 检查角色文件。") { path };
        lint.SetAction(parse =>
        {
            var workspace = Workspace.Load(parse, Console.Error, loadPersonas: false);
            var target = parse.GetValue(path) ?? workspace.PersonasPath;
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                Console.Error.WriteLine($"error: {target}: no such file or folder");
                return 2;
            }

            var catalog = File.Exists(target)
                ? workspace.LoadPersonaFile(target)
                : workspace.LoadPersonas(target);
            ReportErrors(catalog.Errors);
            var broken = catalog.Errors.Select(e => e.File).Distinct().Count();
            Console.Out.WriteLine(broken == 0
                ? $"{catalog.All.Count} persona(s) OK."
                : $"{catalog.All.Count} persona(s) OK, {broken} file(s) broken.");
            return broken == 0 ? 0 : 1;
        });
        return lint;
    }

    private static void ReportErrors(IReadOnlyList<PersonaError> errors)
    {
        foreach (var error in errors)
        {
            Console.Error.WriteLine($"error: {error}");
        }
    }
}
