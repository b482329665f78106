using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RolePlayBot.LoadTest;

/// <summary>
/// A bot under test, run as a child process on a free loopback port, its output kept in a log file (shown when it
/// fails to start). Killed with its process tree when disposed.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private ChildProcess(Process process, StreamWriter log, string logPath, int port)
    {
        this.process = process;
        this.log = log;
        LogPath = logPath;
        Port = port;
    }

    public int Port { get; }

    public string LogPath { get; }

    public int Id => process.Id;

    public Uri Endpoint => new($"http://127.0.0.1:{Port}/api/messages");

    public static async Task<ChildProcess> StartAsync(
        string name, string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> environment, Func<int, IDictionary<string, string>> portEnvironment)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // GC settings in the load tool's environment are not the bot's: it runs with what it ships with.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("DOTNET_GC", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment.Concat(portEnvironment(port)))
        {
            info.Environment[key] = value;
        }

        var logPath = Path.Combine(Path.GetTempPath(), $"rpb-bench-{name}-{port}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new ChildProcess(process, log, logPath, port);
        await child.WaitReadyAsync(name);
        return child;
    }

    /// <summary>CPU time the process (all its threads) has used so far.</summary>
    public TimeSpan CpuTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>The process's resident and private memory (from /proc), in bytes.</summary>
    public (long Rss, long Private) Memory()
    {
        long rss = 0, privateBytes = 0;
        foreach (var line in File.ReadLines($"/proc/{process.Id}/smaps_rollup"))
        {
            if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("Private_Clean:", StringComparison.Ordinal) || line.StartsWith("Private_Dirty:", StringComparison.Ordinal))
            {
                privateBytes += Kilobytes(line);
            }
        }

        return (rss * 1024, privateBytes * 1024);
    }

    /// <summary>
    /// Stops the process. Its log is deleted when it ran until stopped here; a process that ended on its own keeps its
    /// log, and says where it is.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var endedOnItsOwn = process.HasExited;
        if (!endedOnItsOwn)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        await log.DisposeAsync();
        if (endedOnItsOwn)
        {
            await Console.Error.WriteLineAsync($"a process under test ended on its own; its output is in {LogPath}");
        }
        else
        {
            File.Delete(LogPath);
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private async Task WaitReadyAsync(string name)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{Port}/");
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(200);
            }
        }

        await DisposeAsync();
        var tail = string.Join('\n', File.ReadLines(LogPath).TakeLast(30));
        throw new InvalidOperationException($"{name} did not start listening on port {Port}; its log ({LogPath}) ends:\n{tail}");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
