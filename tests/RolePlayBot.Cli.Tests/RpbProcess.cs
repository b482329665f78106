using System.Diagnostics;
using System.Text;

namespace RolePlayBot.Cli.Tests;

/// <summary>Runs the real `rpb` program (the built rpb.dll) as a child process from the repository root.</summary>
internal static class RpbProcess
{
    public static readonly string RepoRoot = FindRepoRoot();

    public static async Task<RpbResult> RunAsync(IEnumerable<string> args, string? stdin = null, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rpb.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // No model configured from the developer's environment leaks into tests.
        foreach (var key in new[] { "Llm__Endpoint", "Llm__Model", "Llm__ApiKey", "Llm__Auth" })
        {
            start.Environment.Remove(key);
        }

        start.Environment["NO_COLOR"] = "1";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new RpbResult(process.ExitCode, await stdout, await stderr);
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

        throw new InvalidOperationException("RolePlayBot.sln not found above " + AppContext.BaseDirectory);
    }
}

internal sealed record RpbResult(int ExitCode, string Stdout, string Stderr);
