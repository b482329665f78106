using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RolePlayBot.Bot.Tests.Logging;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Personas;

namespace RolePlayBot.Bot.Tests;

/// <summary>A trainer's broken file: a bad checklist stops the bot with file, line and field; a bad persona is skipped and named.</summary>
public sealed class CorruptedFilesTests : IDisposable
{
    private static readonly string RepoRoot = FindRepoRoot();
    private readonly string folder = Directory.CreateTempSubdirectory("rpb-corrupt-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_corrupted_checklist_stops_the_bot_at_start_naming_file_line_and_field()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoRoot, "checklist.yaml"));
        var weight = Array.FindIndex(lines, l => l.TrimStart().StartsWith("weight:", StringComparison.Ordinal));
        lines[weight] = "    weight: heavy";
        var checklist = Path.Combine(folder, "checklist.yaml");
        File.WriteAllLines(checklist, lines);
        using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web.UseSetting("Checklist:Path", checklist));

        var thrown = Record.Exception(() => host.CreateClient());

        var error = Assert.IsType<ChecklistLoadException>(Unwrap(thrown));
        Assert.Equal(checklist, error.File);
        Assert.Equal(weight + 1, error.Line);
        Assert.StartsWith($"{checklist}:{weight + 1}: items[0]", error.Message);
        Assert.EndsWith(".weight: expected a number", error.Message);
    }

    [Fact]
    public void A_corrupted_persona_is_skipped_and_named_and_the_others_still_load()
    {
        var personas = Path.Combine(folder, "personas");
        Directory.CreateDirectory(personas);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot, "personas"), "*.md"))
        {
            File.Copy(file, Path.Combine(personas, Path.GetFileName(file)));
        }

        var broken = Path.Combine(personas, "allergy-complaint.zh-CN.md");
        File.WriteAllText(broken, File.ReadAllText(broken).Replace("  anger: 70\n", "  anger: furious\n", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(personas, "garbage.zh-CN.md"), "\u0000\u0001 not a persona ---\n: : :\n");
        var logs = new CapturedLogs();
        using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Personas:Path", personas);
            web.ConfigureLogging(l => l.AddProvider(logs));
        });

        host.CreateClient();
        var catalog = host.Services.GetRequiredService<PersonaCatalog>();

        Assert.Null(catalog.Find("allergy-complaint", "zh-CN") is { Locale: "zh-CN" } found ? found : null);
        Assert.NotNull(catalog.Find("late-birthday-gift", "zh-CN"));
        Assert.Equal(Directory.GetFiles(Path.Combine(RepoRoot, "personas"), "*.md").Count(f => !Path.GetFileName(f).StartsWith('_')) - 1, catalog.All.Count);
        var skipped = logs.Lines.Where(l => l.Level == LogLevel.Error && l.Message.Contains("Persona file skipped", StringComparison.Ordinal)).ToList();
        Assert.Contains(skipped, l => l.Message.Contains("allergy-complaint.zh-CN.md:", StringComparison.Ordinal) && l.Message.Contains("mood.anger", StringComparison.Ordinal));
        Assert.Contains(skipped, l => l.Message.Contains("garbage.zh-CN.md", StringComparison.Ordinal));
    }

    private static Exception? Unwrap(Exception? e)
    {
        while (e is not null and not ChecklistLoadException)
        {
            e = e is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : e.InnerException;
        }

        return e;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RolePlayBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RolePlayBot.sln not found");
    }
}
