using RolePlayBot.Core.Checklist;

namespace RolePlayBot.Core.Evaluation;

/// <summary>
/// Turns one reply's observations into 0–100 scores for speed, detail and emotion, using the checklist file's weights
/// and <c>scoring:</c> section. Behaviours add their weight's share; anti-patterns subtract and may cap (veto).
/// </summary>
public sealed class ReplyScorer(ChecklistDefinition checklist) : IReplyScorer
{
    private readonly ScoringSettings _settings = checklist.Scoring;

    /// <summary>The judge's seam: the same scoring after fusing the model's observations with the rules'.</summary>
    public DimensionScores Score(IReadOnlyList<Observation> items, EvaluationRequest request) => Score(items, request.ReplyTime);

    public DimensionScores Score(IReadOnlyList<Observation> observations, TimeSpan? replyTime = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var observed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var observation in observations)
        {
            if (observation.Observed)
            {
                observed.Add(observation.ItemId);
            }
        }

        return Score(observed, replyTime);
    }

    /// <summary>Scores from the set of observed item ids (what a session's scorecard keeps per turn).</summary>
    public DimensionScores Score(IReadOnlySet<string> observed, TimeSpan? replyTime = null)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var speed = TextScore(Dimension.Speed, observed);
        var detail = TextScore(Dimension.Detail, observed);
        var emotion = TextScore(Dimension.Emotion, observed);

        if (replyTime is { } time)
        {
            var share = _settings.Speed.TimeShare;
            speed = (1 - share) * speed + share * _settings.Speed.TimeScore(time);
        }

        if (emotion > 0 && !AnyObserved(Dimension.Speed, observed) && !AnyObserved(Dimension.Detail, observed))
        {
            emotion *= _settings.FormulaOnlyFactor;
        }

        double? speedCap = null, detailCap = null, emotionCap = null;
        foreach (var item in checklist.Items)
        {
            if (!item.IsAntiPattern || !observed.Contains(item.Id))
            {
                continue;
            }

            var rule = _settings.For(item.Id);
            var penalty = item.Weight * _settings.AntiPatternPenalty;
            foreach (var dimension in rule.Affects)
            {
                switch (dimension)
                {
                    case Dimension.Speed:
                        speed -= penalty;
                        speedCap = Lower(speedCap, rule.Cap);
                        break;
                    case Dimension.Detail:
                        detail -= penalty;
                        detailCap = Lower(detailCap, rule.Cap);
                        break;
                    case Dimension.Emotion:
                        emotion -= penalty;
                        emotionCap = Lower(emotionCap, rule.Cap);
                        break;
                }
            }
        }

        return new DimensionScores(Final(speed, speedCap), Final(detail, detailCap), Final(emotion, emotionCap));
    }

    private double TextScore(Dimension dimension, IReadOnlySet<string> observed)
    {
        double total = 0, got = 0;
        foreach (var item in checklist.Items)
        {
            if (item.IsAntiPattern || item.Dimension != dimension)
            {
                continue;
            }

            total += item.Weight;
            if (observed.Contains(item.Id))
            {
                got += item.Weight;
            }
        }

        return total <= 0 ? 0 : Math.Min(100, 100 * got / (_settings.FullCreditShare * total));
    }

    private bool AnyObserved(Dimension dimension, IReadOnlySet<string> observed) =>
        checklist.Items.Any(i => !i.IsAntiPattern && i.Dimension == dimension && observed.Contains(i.Id));

    private static double? Lower(double? current, int? cap) =>
        cap is null ? current : current is null ? cap : Math.Min(current.Value, cap.Value);

    private static int Final(double score, double? cap) =>
        (int)Math.Round(Math.Clamp(cap is null ? score : Math.Min(score, cap.Value), 0, 100), MidpointRounding.AwayFromZero);
}
