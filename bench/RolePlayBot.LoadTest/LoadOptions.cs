using System.Globalization;

namespace RolePlayBot.LoadTest;

/// <summary>What one run of the load tool measures, from its command line (see <see cref="Usage"/>).</summary>
public sealed class LoadOptions
{
    public const string Usage = """
        rpb-loadtest --repo DIR [options]
          --repo DIR             the repository (personas, test data, the built bot)         (default: found upwards)
          --bot-dll FILE         the bot's Release build      (default: src/RolePlayBot.Bot/bin/Release/net10.0/RolePlayBot.Bot.dll)
          --targets LIST         offline-sqlite,offline-postgres,webchat-sqlite,model-sqlite,echo,model-relay,
                                 model-relay-dotnet,model-relay-dotnet-stream                (default: all that can run)
          --n LIST               concurrent simulated trainees per step                      (default: 50,200,1000)
          --duration SECONDS     measured time per step                                      (default: 20)
          --warmup SECONDS       unmeasured time before each step                            (default: 5)
          --settle SECONDS       unmeasured load when a bot has just started (JIT tiering)   (default: 30)
          --postgres CONN        Npgsql connection string for offline-postgres (a fresh database is made in it)
          --model-latency LIST   the stub model server's answer times, one model-sqlite run each (default: 200,1500)
          --rate LIST            turns/s offered per step, 0 = closed loop (each trainee answers at once)  (default: 0)
          --echo-dir DIR         the reference echo bot (and model relay)                    (default: bench/echo-bot)
          --memory-sessions N    active sessions for the memory measurement (0 = skip)      (default: 1000)
          --out FILE             also write the Markdown report here
        """;

    public string Repo { get; set; } = "";

    public string? BotDll { get; set; }

    public IReadOnlyList<string> Targets { get; set; } = [.. Target.All];

    public IReadOnlyList<int> Concurrency { get; set; } = [50, 200, 1000];

    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan Warmup { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Load before a freshly started bot's first step: .NET compiles hot methods again, optimised, in the background
    /// for the first tens of seconds (a third of the bot's CPU in the first 30 s here), and a class's server runs for hours.
    /// </summary>
    public TimeSpan Settle { get; set; } = TimeSpan.FromSeconds(30);

    public string? Postgres { get; set; }

    /// <summary>
    /// Turns per second offered to the bot in each step (the trainees send at fixed times, spread evenly, open loop),
    /// or 0 for a closed loop (each trainee answers the moment its turn completes: the most a bot can take).
    /// </summary>
    public IReadOnlyList<int> Rates { get; set; } = [0];

    /// <summary>
    /// Model answer times, one run of each model target each. 200 ms is a stress row (200 closed-loop trainees then ask
    /// for 1,000 turns/s, more than 2 cores serve, so the overhead is queueing); 1.5 s is a typical whole chat answer, the
    /// load the bot's own overhead target is about.
    /// </summary>
    public IReadOnlyList<TimeSpan> ModelLatencies { get; set; } = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(1500)];

    public string? EchoDir { get; set; }

    public int MemorySessions { get; set; } = 1000;

    public string? Out { get; set; }

    public string BotDllPath => BotDll ?? Path.Combine(Repo, "src", "RolePlayBot.Bot", "bin", "Release", "net10.0", "RolePlayBot.Bot.dll");

    public string RelayDllPath => Path.Combine(Repo, "bench", "RolePlayBot.RelayBot", "bin", "Release", "net10.0", "rpb-relaybot.dll");

    public string EchoDirPath => EchoDir ?? Path.Combine(Repo, "bench", "echo-bot");

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            switch (name)
            {
                case "--repo": options.Repo = Path.GetFullPath(Value()); break;
                case "--bot-dll": options.BotDll = Path.GetFullPath(Value()); break;
                case "--targets": options.Targets = List(Value()); break;
                case "--n": options.Concurrency = [.. List(Value()).Select(n => Positive(name, n))]; break;
                case "--duration": options.Duration = TimeSpan.FromSeconds(Positive(name, Value())); break;
                case "--warmup": options.Warmup = TimeSpan.FromSeconds(int.Parse(Value(), CultureInfo.InvariantCulture)); break;
                case "--settle": options.Settle = TimeSpan.FromSeconds(int.Parse(Value(), CultureInfo.InvariantCulture)); break;
                case "--postgres": options.Postgres = Value(); break;
                case "--model-latency": options.ModelLatencies = [.. List(Value()).Select(ms => TimeSpan.FromMilliseconds(Positive(name, ms)))]; break;
                case "--rate": options.Rates = [.. List(Value()).Select(r => int.Parse(r, CultureInfo.InvariantCulture))]; break;
                case "--echo-dir": options.EchoDir = Path.GetFullPath(Value()); break;
                case "--memory-sessions": options.MemorySessions = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--out": options.Out = Path.GetFullPath(Value()); break;
                case "--help" or "-h": throw new ArgumentException(Usage);
                default: throw new ArgumentException($"unknown option {name}\n{Usage}");
            }
        }

        if (options.Repo.Length == 0)
        {
            options.Repo = FindRepo();
        }

        foreach (var target in options.Targets)
        {
            if (!Target.All.Contains(target))
            {
                throw new ArgumentException($"unknown target {target}; known: {string.Join(", ", Target.All)}");
            }
        }

        return options;
    }

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a whole number above 0, not '{value}'");

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RolePlayBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new ArgumentException("run inside the repository or pass --repo DIR");
    }
}
