using System.Diagnostics;
using System.Text;
using RolePlayBot.Bot.Tests.Faults;

namespace RolePlayBot.Bot.Tests;

/// <summary>
/// The real bot process started with a broken checklist: it stops with exit code 2 and its last line names the file,
/// the line and the field, so the trainer who edited checklist.yaml knows what to fix without reading a stack trace.
/// </summary>
public sealed class StartupErrorTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("rpb-startup-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_broken_checklist_ends_the_process_with_one_line_naming_file_line_and_field()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoRoot(), "checklist.yaml"));
        var weight = Array.FindIndex(lines, l => l.TrimStart().StartsWith("weight:", StringComparison.Ordinal));
        lines[weight] = "    weight: heavy";
        var checklist = Path.Combine(folder, "checklist.yaml");
        File.WriteAllLines(checklist, lines);

        var (exitCode, stderr) = await RunBotAsync(new Dictionary<string, string> { ["Checklist__Path"] = checklist });

        Assert.Equal(2, exitCode);
        var last = stderr.TrimEnd().Split('\n')[^1];
        Assert.StartsWith($"error: {checklist}:{weight + 1}: items[0]", last);
        Assert.EndsWith(".weight: expected a number", last);
    }

    [Fact]
    public async Task An_unusable_setting_ends_the_process_with_the_setting_named()
    {
        var (exitCode, stderr) = await RunBotAsync(new Dictionary<string, string> { ["Conversations__MaxTurnsPerSession"] = "0" });

        Assert.Equal(2, exitCode);
        Assert.Contains("error: Conversations:MaxTurnsPerSession must be from 1 to 500.", stderr);
    }

    private static async Task<(int ExitCode, string Stderr)> RunBotAsync(IReadOnlyDictionary<string, string> settings)
    {
        var dll = BotProcess.BotDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "exec", dll, "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The bot did not stop within 60 s:\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, await stderr);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RolePlayBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RolePlayBot.sln not found above " + AppContext.BaseDirectory);
    }
}
