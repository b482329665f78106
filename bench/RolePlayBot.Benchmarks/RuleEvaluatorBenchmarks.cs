using BenchmarkDotNet.Attributes;
using RolePlayBot.Core.Evaluation;

namespace RolePlayBot.Benchmarks;

/// <summary>
/// The rule evaluator on one thread over the 260 labelled development replies (167 zh-CN, 93 en); each operation is
/// one reply, so 1 s / mean is replies per second per core (issue 5's target: above 20,000).
/// </summary>
[MemoryDiagnoser]
public class RuleEvaluatorBenchmarks
{
    private const int Replies = 260;
    private IReadOnlyList<EvaluationRequest> requests = [];
    private RuleEvaluator rules = null!;

    [GlobalSetup]
    public void Setup()
    {
        requests = BenchData.Instance.Replies;
        rules = BenchData.Instance.Rules;
        if (requests.Count != Replies)
        {
            throw new InvalidOperationException($"expected {Replies} labelled replies, found {requests.Count}: update {nameof(Replies)}");
        }
    }

    /// <summary>The 13 checklist verdicts with their evidence (what moves the mood and steers the customer).</summary>
    [Benchmark(OperationsPerInvoke = Replies)]
    public int Observations()
    {
        var observed = 0;
        foreach (var request in requests)
        {
            foreach (var observation in rules.Observe(request.Reply, out _))
            {
                observed += observation.Observed ? 1 : 0;
            }
        }

        return observed;
    }

    /// <summary>The whole per-reply evaluation: verdicts, injection screen, scores, the critique and a better reply.</summary>
    [Benchmark(OperationsPerInvoke = Replies)]
    public int FullEvaluation()
    {
        var length = 0;
        foreach (var request in requests)
        {
            var evaluation = rules.Evaluate(request);
            length += evaluation.Critique.Length + (evaluation.SuggestedReply?.Length ?? 0);
        }

        return length;
    }
}
