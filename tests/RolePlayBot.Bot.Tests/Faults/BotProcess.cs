using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using RolePlayBot.Bot.Protocol;
using Activity = RolePlayBot.Bot.Protocol.Activity;

namespace RolePlayBot.Bot.Tests.Faults;

/// <summary>
/// The real bot as a child process: the Release (or Debug, as this test was built) output of src/RolePlayBot.Bot run
/// with <c>dotnet exec</c>, configured through environment variables, listening on a free loopback port. It can be
/// killed outright, as a crash or an OOM kill would.
/// </summary>
internal sealed partial class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };

    private BotProcess(Process process) => _process = process;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>What the bot wrote to stdout and stderr, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var dll = BotDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Llm__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Microsoft", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var bot = new BotProcess(Process.Start(start)!);
        bot._process.OutputDataReceived += (_, e) => bot.Record(e.Data);
        bot._process.ErrorDataReceived += (_, e) => bot.Record(e.Data);
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();
        var started = await Task.WhenAny(bot._listening.Task, bot._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (started != bot._listening.Task)
        {
            var output = bot.Output;
            await bot.DisposeAsync();
            throw new InvalidOperationException($"The bot did not start listening:\n{output}");
        }

        bot.BaseUri = await bot._listening.Task;
        return bot;
    }

    /// <summary>POSTs an activity to /api/messages as a channel would; the bot answers at once and runs the turn after.</summary>
    public async Task PostAsync(Activity activity)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(BaseUri, "api/messages"), activity, BotJson.Options);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages: {(int)response.StatusCode}\n{Output}");
    }

    /// <summary>Kills the process and everything it started, without a chance to clean up, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        _http.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (Listening().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
        }
    }

    internal static string BotDll()
    {
        // …/tests/RolePlayBot.Bot.Tests/bin/<Configuration>/net10.0/ → …/src/RolePlayBot.Bot/bin/<Configuration>/net10.0/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RolePlayBot.sln")))
            {
                var dll = Path.Combine(dir.FullName, "src", "RolePlayBot.Bot", "bin", configuration, output.Name, "RolePlayBot.Bot.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build src/RolePlayBot.Bot in {configuration} first", dll);
            }
        }

        throw new InvalidOperationException("RolePlayBot.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"Now listening on:\s*(http://\S+)")]
    private static partial Regex Listening();
}
