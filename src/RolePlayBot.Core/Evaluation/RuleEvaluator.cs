using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Text;

namespace RolePlayBot.Core.Evaluation;

/// <summary>
/// The offline evaluator: the checklist file's phrase rules over the normalised reply, the <see cref="ReplyScorer"/>,
/// and <see cref="FeedbackWriter"/> for the critique and a better reply. Deterministic and fast; safe to share across threads.
/// </summary>
public sealed class RuleEvaluator : IReplyEvaluator
{
    /// <summary>Replies longer than this are judged on their beginning only (evidence stays an exact substring).</summary>
    public const int MaxReplyLength = 4000;

    private readonly CompiledChecklist _compiled;
    private readonly ReplyScorer _scorer;
    private readonly FeedbackWriter _feedback;

    public RuleEvaluator(ChecklistDefinition checklist)
    {
        _compiled = new CompiledChecklist(checklist);
        _scorer = new ReplyScorer(checklist);
        _feedback = new FeedbackWriter(checklist);
    }

    public ChecklistDefinition Checklist => _compiled.Checklist;

    public Task<ReplyEvaluation> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Evaluate(request));
    }

    public ReplyEvaluation Evaluate(EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var observations = Observe(request.Reply, out var diagnostics);
        var scores = _scorer.Score(observations, request.ReplyTime);
        var feedback = _feedback.Write(request, observations);
        return new ReplyEvaluation(observations, scores, feedback.Critique, feedback.SuggestedReply, false, diagnostics);
    }

    /// <summary>Only the observations: one per checklist item, in checklist order, source <c>rules</c>.</summary>
    public IReadOnlyList<Observation> Observe(string reply, out IReadOnlyList<string> diagnostics)
    {
        reply ??= "";
        var truncated = reply.Length > MaxReplyLength;
        var text = TextNormalizer.Normalize(truncated ? reply[..MaxReplyLength] : reply);
        var items = _compiled.Checklist.Items;
        var hits = new RuleHit?[items.Count];
        var problems = RuleMatcher.Match(_compiled, text, hits);
        if (truncated)
        {
            (problems ??= []).Add($"reply longer than {MaxReplyLength} characters: only its beginning was judged");
        }

        var observations = new Observation[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            observations[i] = hits[i] is { } hit
                ? new Observation(items[i].Id, true, EvidencePicker.Pick(text, hit), ObservationSources.Rules)
                : new Observation(items[i].Id, false, null, ObservationSources.Rules);
        }

        diagnostics = problems ?? (IReadOnlyList<string>)[];
        return observations;
    }
}
