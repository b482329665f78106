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
        var screen = InjectionScreen.Screen(request.Reply ?? "");
        if (screen.Flagged)
        {
            observations = WithoutInjectedCredit(request.Reply!, observations, screen);
        }

        var scores = _scorer.Score(observations, request.ReplyTime);
        var feedback = _feedback.Write(request, observations);
        var critique = screen.Flagged ? InjectionNote(request.Locale, screen) + feedback.Critique : feedback.Critique;
        return new ReplyEvaluation(observations, scores, critique, feedback.SuggestedReply, screen.Flagged, diagnostics);
    }

    /// <summary>
    /// Text that tries to instruct the grader earns nothing: a behaviour whose evidence lies in a flagged segment
    /// is not credited. Anti-patterns stay, wherever they are.
    /// </summary>
    private IReadOnlyList<Observation> WithoutInjectedCredit(string reply, IReadOnlyList<Observation> observations, InjectionScreenResult screen)
    {
        var flagged = screen.Segments
            .Select(s => (Start: reply.IndexOf(s.Text, StringComparison.Ordinal), s.Text.Length))
            .Where(s => s.Start >= 0)
            .ToList();
        return observations.Select(o =>
        {
            if (!o.Observed || o.Evidence is null || _compiled.Checklist[o.ItemId].IsAntiPattern)
            {
                return o;
            }

            var start = reply.IndexOf(o.Evidence, StringComparison.Ordinal);
            var inside = flagged.Any(f => start < f.Start + f.Length && f.Start < start + o.Evidence.Length);
            return inside ? new Observation(o.ItemId, false, null, ObservationSources.Rules) : o;
        }).ToList();
    }

    private static string InjectionNote(string locale, InjectionScreenResult screen)
    {
        var quote = screen.Segments[0].Text.Trim();
        if (quote.Length > 40)
        {
            quote = quote[..40] + "…";
        }

        return Locales.IsChinese(locale)
            ? $"回复里有试图影响评分的内容（「{quote}」），这部分不计分。"
            : $"The reply tries to instruct the grader (\"{quote}\"); that part earns nothing. ";
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
