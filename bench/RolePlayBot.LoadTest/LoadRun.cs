using System.Diagnostics;
using System.Net;

namespace RolePlayBot.LoadTest;

/// <summary>Runs every target at every concurrency, one after another, and the memory measurement.</summary>
public sealed class LoadRun(LoadOptions options)
{
    private readonly List<string> notes = [];
    private readonly List<string> databases = [];
    private readonly string runId = DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);
    private IReadOnlyList<AgentScript> scripts = [];
    private int step;

    public async Task<string> RunAsync()
    {
        var loadBefore = Report.LoadAverage();
        scripts = AgentScript.Load(options.Repo);
        await using var connector = await FakeConnector.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { Timeout = Trainee.TurnTimeout };

        var steps = new List<StepResult>();
        MemoryResult? memory = null;
        foreach (var target in options.Targets)
        {
            if (Skip(target) is { } reason)
            {
                notes.Add($"{target} skipped: {reason}");
                Log($"{target}: skipped ({reason})");
                continue;
            }

            foreach (var latency in Target.UsesModel(target) ? options.ModelLatencies : [TimeSpan.Zero])
            {
                await RunBotAsync(target, latency, connector, http, steps);
                DeleteDatabases();
            }

            if (target == Target.OfflineSqlite && options.MemorySessions > 0)
            {
                memory = await MemoryAsync(connector, http);
                DeleteDatabases();
            }
        }

        notes.Add($"the fake connector received {connector.Calls} calls, {connector.Unknown} for conversations no trainee was waiting on (late replies of an earlier step)");
        return Report.Build(options, loadBefore, steps, memory, notes);
    }

    /// <summary>One bot (and stub model) for every N of a target; both are stopped when this returns.</summary>
    private async Task RunBotAsync(string target, TimeSpan latency, FakeConnector connector, HttpClient http, List<StepResult> steps)
    {
        await using var stub = Target.UsesModel(target) ? await StubModelServer.StartAsync(latency) : null;
        await using var bot = await StartAsync(target, stub);
        await SettleAsync(target, bot, connector, http);
        foreach (var n in options.Concurrency)
        {
            foreach (var rate in options.Rates)
            {
                steps.Add(await StepAsync(target, bot, connector, http, n, stub, rate));
            }
        }
    }

    /// <summary>The SQLite files of stopped bots: a full run writes gigabytes of them to the temp directory.</summary>
    private void DeleteDatabases()
    {
        foreach (var file in databases.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }))
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException e)
            {
                Log($"could not delete {file}: {e.Message}");
            }
        }

        databases.Clear();
    }

    private string? Skip(string target) => target switch
    {
        Target.OfflinePostgres when string.IsNullOrWhiteSpace(options.Postgres) => "no --postgres connection string",
        _ when Target.IsDotnetRelay(target) && !File.Exists(options.RelayDllPath) => $"{options.RelayDllPath} is missing (dotnet build -c Release)",
        _ when Target.IsReference(target) && !File.Exists(Path.Combine(options.EchoDirPath, "node_modules", "botbuilder", "package.json")) =>
            $"{options.EchoDirPath}/node_modules is missing (run npm ci there)",
        _ when !Target.IsReference(target) && !File.Exists(options.BotDllPath) => $"{options.BotDllPath} is missing (dotnet build -c Release)",
        _ => null,
    };

    private async Task<ChildProcess> StartAsync(string target, StubModelServer? stub, string? sqliteFile = null, IDictionary<string, string>? extra = null)
    {
        if (Target.IsDotnetRelay(target))
        {
            return await ChildProcess.StartAsync(target, "dotnet", [options.RelayDllPath], Path.GetDirectoryName(options.RelayDllPath)!,
                new Dictionary<string, string> { ["MODEL_URL"] = stub!.Endpoint, ["RELAY_STREAM"] = target == Target.ModelRelayDotnetStream ? "1" : "0" }, port => new Dictionary<string, string> { ["Urls"] = $"http://127.0.0.1:{port}" });
        }

        if (Target.IsReference(target))
        {
            var relay = stub is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["MODEL_URL"] = stub.Endpoint };
            return await ChildProcess.StartAsync(target, "node", ["index.js"], options.EchoDirPath,
                relay, port => new Dictionary<string, string> { ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var environment = new Dictionary<string, string>
        {
            ["MicrosoftAppId"] = "",
            // A simulated trainee answers the instant the customer has spoken, far faster than the per-user limit a
            // human class is held to; at the real limits the limiter would drop most of the load instead of measuring
            // the turn path. It stays on with limits no trainee reaches, so its cost is in the figures (on PostgreSQL
            // a shared bucket transaction per message).
            ["RateLimits__PerUserPerMinute"] = "1000000",
            ["RateLimits__PerConversationPerMinute"] = "1000000",
            ["Storage__Provider"] = target == Target.OfflinePostgres ? "postgres" : "sqlite",
            ["Storage__ConnectionString"] = target == Target.OfflinePostgres
                ? options.Postgres!
                : sqliteFile ?? Path.Combine(Path.GetTempPath(), $"rpb-bench-{runId}-{++step}.db"),
        };
        if (target != Target.OfflinePostgres)
        {
            databases.Add(environment["Storage__ConnectionString"]);
        }

        if (stub is not null)
        {
            environment["Llm__Endpoint"] = stub.Endpoint;
            environment["Llm__Model"] = "bench-stub";
            environment["Llm__ApiKey"] = "bench-not-a-key";
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var dll = options.BotDllPath;
        return await ChildProcess.StartAsync(target, "dotnet", [dll], Path.GetDirectoryName(dll)!, environment,
            port => new Dictionary<string, string> { ["Urls"] = $"http://127.0.0.1:{port}" });
    }

    private async Task<StepResult> StepAsync(string target, ChildProcess bot, FakeConnector connector, HttpClient http, int n, StubModelServer? stub, int rate)
    {
        Log($"{target}: {n} trainees{(rate > 0 ? $" offering {rate} turns/s" : "")}, {options.Warmup.TotalSeconds:0} s warm-up + {options.Duration.TotalSeconds:0} s");
        var recorder = new LatencyRecorder();
        var prefix = $"{runId}-{++step}";
        // At a fixed rate each trainee sends every n / rate seconds, their times spread evenly over that period.
        var period = rate > 0 ? TimeSpan.FromSeconds(n / (double)rate) : TimeSpan.Zero;
        var wires = WebChats(target, bot, http, prefix, n);
        var trainees = Enumerable.Range(0, n)
            .Select(i => new Trainee(i, prefix, http, bot.Endpoint, connector.ServiceUrl, scripts, Target.IsReference(target), recorder, period, period * i / n, tagReplies: stub is not null, wires?[i]))
            .ToList();
        trainees.ForEach(connector.Register);
        await using var closeWires = new Closing(wires);
        using var stop = new CancellationTokenSource();
        var running = trainees.Select(t => Task.Run(() => t.RunAsync(stop.Token))).ToList();

        await Task.Delay(options.Warmup);
        stub?.ResetCounters();
        var botCpu = bot.CpuTime();
        var toolCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var toolGc = (Pause: GC.GetTotalPauseDuration(), Count: GC.CollectionCount(0));
        recorder.Recording = true;
        var clock = Stopwatch.StartNew();
        await Task.Delay(options.Duration);
        recorder.Recording = false;
        var measured = clock.Elapsed;
        botCpu = bot.CpuTime() - botCpu;
        toolCpu = Process.GetCurrentProcess().TotalProcessorTime - toolCpu;
        toolGc = (GC.GetTotalPauseDuration() - toolGc.Pause, GC.CollectionCount(0) - toolGc.Count);
        var calls = stub?.Calls ?? 0;
        var streamed = stub?.Streamed ?? 0;
        var maxInFlight = stub?.MaxInFlight ?? 0;
        var answers = stub?.AnswerMs ?? [];
        var tokens = stub is null ? null : new TokenFigures(stub.Prompts.Input, stub.Prompts.Cached, stub.Prompts.Output);
        await stop.CancelAsync();
        await Task.WhenAll(running);
        trainees.ForEach(connector.Unregister);

        var samples = recorder.Samples;
        ModelFigures? model = null;
        if (stub is not null)
        {
            var latency = stub.Latency.TotalMilliseconds;
            // The relay's turns are all replies of its kind (an echo); RolePlayBot's starts and ends make no model call.
            var replyTurns = samples.Where(s => s.Kind == (Target.IsReference(target) ? TurnKind.Echo : TurnKind.Reply)).ToList();
            var replies = replyTurns.Select(s => s.Ms).ToList();
            var own = new List<double>(replyTurns.Count);
            var before = new List<double>(replyTurns.Count);
            var after = new List<double>(replyTurns.Count);
            foreach (var turn in replyTurns)
            {
                if (stub.CallsOf(turn.Trainee, turn.Start, turn.End) is { Count: > 0 } its)
                {
                    own.Add(turn.Ms - its.Max(c => c.Ms));
                    before.Add(Stopwatch.GetElapsedTime(turn.Start, its.Max(c => c.Arrived)).TotalMilliseconds);
                    after.Add(Stopwatch.GetElapsedTime(its.Max(c => c.Done), turn.End).TotalMilliseconds);
                }
            }

            model = new ModelFigures(stub.Latency, calls, streamed, maxInFlight,
                StepResult.Percentile(replies.Select(r => r - latency), 0.50), StepResult.Percentile(replies.Select(r => r - latency), 0.99),
                StepResult.Percentile(replies, 0.50), StepResult.Percentile(answers, 0.50), StepResult.Percentile(answers, 0.99))
            {
                Tokens = tokens,
                OwnP50 = StepResult.Percentile(own, 0.50),
                OwnP99 = StepResult.Percentile(own, 0.99),
                BeforeP50 = StepResult.Percentile(before, 0.50),
                BeforeP99 = StepResult.Percentile(before, 0.99),
                AfterP50 = StepResult.Percentile(after, 0.50),
                AfterP99 = StepResult.Percentile(after, 0.99),
                Unattributed = replyTurns.Count - own.Count,
            };
            if (replyTurns.Count > own.Count)
            {
                Log($"  {replyTurns.Count - own.Count} of {replyTurns.Count} reply turns had no model call the stub could attribute");
            }
        }

        var result = new StepResult(target, n, measured, samples, recorder.Errors, model, botCpu, toolCpu) { Rate = rate };
        Log($"  {result.TurnsPerSecond:0} turns/s, p50 {result.P50:0.0} ms, p99 {result.P99:0.0} ms, {result.ErrorCount} errors, bot CPU {result.BotCpuPerTurn:0.000} ms/turn, load tool CPU {result.ToolCpuPerTurn:0.000} ms/turn, load tool GC {toolGc.Count} collections pausing it {toolGc.Pause.TotalMilliseconds:0} ms");

        // Let the bot finish what the cancelled trainees left in flight before the next step starts.
        await Task.Delay(TimeSpan.FromSeconds(2));
        return result;
    }

    /// <summary>The Web Chat connections of a webchat target's trainees (null for the others).</summary>
    private static DirectLineWire[]? WebChats(string target, ChildProcess bot, HttpClient http, string prefix, int n) =>
        target == Target.WebChatSqlite
            ? [.. Enumerable.Range(0, n).Select(i => new DirectLineWire(http, bot.Endpoint, $"u_bench_{prefix}_{i}"))]
            : null;

    /// <summary>Closes the Web Chat sockets of a step when it is over.</summary>
    private sealed class Closing(DirectLineWire[]? wires) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var wire in wires ?? [])
            {
                await wire.DisposeAsync();
            }
        }
    }

    /// <summary>Unmeasured load on a just-started bot until its JIT has settled (see <see cref="LoadOptions.Settle"/>).</summary>
    private async Task SettleAsync(string target, ChildProcess bot, FakeConnector connector, HttpClient http)
    {
        if (options.Settle <= TimeSpan.Zero)
        {
            return;
        }

        Log($"{target}: settling for {options.Settle.TotalSeconds:0} s");
        var recorder = new LatencyRecorder();
        var prefix = $"{runId}-settle-{++step}";
        var wires = WebChats(target, bot, http, prefix, 100);
        var trainees = Enumerable.Range(0, 100)
            .Select(i => new Trainee(i, prefix, http, bot.Endpoint, connector.ServiceUrl, scripts, Target.IsReference(target), recorder, webChat: wires?[i]))
            .ToList();
        trainees.ForEach(connector.Register);
        await using var closeWires = new Closing(wires);
        using var stop = new CancellationTokenSource(options.Settle);
        await Task.WhenAll(trainees.Select(t => Task.Run(() => t.RunAsync(stop.Token))));
        trainees.ForEach(connector.Unregister);
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// A fresh bot on a fresh SQLite file: memory after a warm-up and a first batch of sessions, then after as many
    /// again (a start and one reply each, left active), so the difference is what the extra sessions cost. The bot
    /// runs with workstation GC and a small gen0 budget here only: with server GC, private memory mostly shows the
    /// allocation budget, not what sessions keep.
    /// </summary>
    private async Task<MemoryResult> MemoryAsync(FakeConnector connector, HttpClient http)
    {
        var sessions = options.MemorySessions;
        Log($"memory: {sessions} + {sessions} active sessions");
        var file = Path.Combine(Path.GetTempPath(), $"rpb-bench-{runId}-memory.db");
        var gc = new Dictionary<string, string> { ["DOTNET_gcServer"] = "0", ["DOTNET_GCgen0size"] = "0x400000" };
        await using var bot = await StartAsync(Target.OfflineSqlite, null, file, gc);
        await OpenSessionsAsync(bot, connector, http, 200, "warm");
        await OpenSessionsAsync(bot, connector, http, sessions, "mem1");
        var (rssBefore, privateBefore) = await SettledMemoryAsync(bot);
        var storeBefore = StoreBytes(file);
        await OpenSessionsAsync(bot, connector, http, sessions, "mem2");
        var (rssAfter, privateAfter) = await SettledMemoryAsync(bot);
        var result = new MemoryResult(sessions, rssBefore, rssAfter, privateBefore, privateAfter, storeBefore, StoreBytes(file));
        Log($"  {result.PrivatePerSession / 1024:0.0} KB private per session");
        return result;
    }

    /// <summary>
    /// The bot's memory once it has settled after a batch: the lowest of thirty readings a second apart, from 3 s on.
    /// One reading caught the runtime before it gave memory back (a full run once measured 45 MB less after the second
    /// batch than after the first), and eight readings were not always enough either: an idle bot collects only when
    /// something allocates, and since the waiting clock stopped decoding every session each tick (session 11) a quiet
    /// bot may keep a batch's garbage for longer (two runs read −35 KB per session with eight readings).
    /// </summary>
    private static async Task<(long Rss, long Private)> SettledMemoryAsync(ChildProcess bot)
    {
        await Task.Delay(TimeSpan.FromSeconds(3));
        var lowest = bot.Memory();
        for (var i = 1; i < 30; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var reading = bot.Memory();
            if (reading.Private < lowest.Private)
            {
                lowest = reading;
            }
        }

        return lowest;
    }

    private async Task OpenSessionsAsync(ChildProcess bot, FakeConnector connector, HttpClient http, int count, string label)
    {
        var recorder = new LatencyRecorder { Recording = true };
        var trainees = Enumerable.Range(0, count)
            .Select(i => new Trainee(i, $"{runId}-{label}", http, bot.Endpoint, connector.ServiceUrl, scripts, echo: false, recorder))
            .ToList();
        trainees.ForEach(connector.Register);

        // At most 100 at a time: the point is how many sessions are open, not how fast they open.
        using var gate = new SemaphoreSlim(100);
        await Task.WhenAll(trainees.Select(async t =>
        {
            await gate.WaitAsync();
            try
            {
                await t.RunTurnsAsync(2);
            }
            finally
            {
                gate.Release();
            }
        }));
        trainees.ForEach(connector.Unregister);
        if (recorder.Errors.Count > 0)
        {
            notes.Add($"memory ({label}): " + string.Join("; ", recorder.Errors.Select(e => $"{e.Key} ({e.Value})")));
        }
    }

    private static long StoreBytes(string file) =>
        new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    private static void Log(string line) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
}
