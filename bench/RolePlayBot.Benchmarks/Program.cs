using BenchmarkDotNet.Running;
using RolePlayBot.Benchmarks;

// BenchmarkDotNet's switcher (e.g. --filter '*RuleEvaluator*' --job short), plus "footprint": memory per session.
// bench/run.sh runs both; see BENCHMARKS.md.
if (args is ["footprint", ..])
{
    Console.WriteLine(await SessionFootprint.MeasureAsync());
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
