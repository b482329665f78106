using RolePlayBot.LoadTest;

// The end-to-end load test of issue 5: N simulated trainees against the real bot (and the reference echo bot),
// replies measured at a loopback connector. bench/run.sh builds everything and calls this; see BENCHMARKS.md.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var report = await new LoadRun(options).RunAsync();
Console.WriteLine(report);
if (options.Out is { } file)
{
    await File.WriteAllTextAsync(file, report);
}

return 0;
