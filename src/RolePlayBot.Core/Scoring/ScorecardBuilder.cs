using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Sessions;
using RolePlayBot.Core.Usage;

namespace RolePlayBot.Core.Scoring;

/// <summary>Builds the end-of-session scorecard from the recorded turns.</summary>
public sealed class ScorecardBuilder(ChecklistDefinition checklist)
{
    public Scorecard Build(PracticeSession session) => Build(
        session.Persona.Id, session.Locale, session.Outcome, session.Turns,
        new MoodPoint(0, session.InitialMood.Anger, session.InitialMood.Patience), session.Persona.Mood.ChaseAfterSeconds) with
    { HintsUsed = session.HintsUsed };

    public Scorecard Build(string personaId, string locale, Outcome outcome, IReadOnlyList<Turn> turns, MoodPoint start, int chaseAfterSeconds)
    {
        var zh = Locales.IsChinese(locale);
        var scores = turns.Count == 0
            ? new DimensionScores(0, 0, 0)
            : new DimensionScores(
                Mean(turns.Select(t => t.Evaluation.Scores.Speed)),
                Mean(turns.Select(t => t.Evaluation.Scores.Detail)),
                Mean(turns.Select(t => t.Evaluation.Scores.Emotion)));
        var overall = turns.Count == 0 ? 0 : (int)Math.Round((scores.Speed + scores.Detail + 2.0 * scores.Emotion) / 4);
        var times = turns.Select(t => new TurnTime(t.Index, Math.Round(t.ReplyTime.TotalSeconds, 1))).ToList();
        var curve = new List<MoodPoint> { start };
        curve.AddRange(turns.Select(t => new MoodPoint(t.Index, t.MoodAfter.Anger, t.MoodAfter.Patience)));

        return new Scorecard(
            personaId, locale, outcome, turns.Count, scores, overall,
            Views(turns, zh), Strengths(turns, zh), Improvements(turns, zh, chaseAfterSeconds),
            curve, times, Median(times.Select(t => t.Seconds).ToList()))
        { Tokens = TokenUsage.Sum(turns.Select(t => t.Tokens)) };
    }

    private IReadOnlyList<ViewScore> Views(IReadOnlyList<Turn> turns, bool zh) =>
        Enum.GetValues<EmotionView>().Select(view =>
        {
            var items = checklist.Items.Where(i => i.Views.Contains(view)).ToList();
            var score = turns.Count == 0 || items.Count == 0
                ? 0
                : Mean(items.Select(i =>
                {
                    var share = turns.Count(t => t.Evaluation.IsObserved(i.Id)) / (double)turns.Count;
                    return (int)Math.Round(100 * (i.IsAntiPattern ? 1 - share : share));
                }));
            return new ViewScore(view, ScorecardTexts.ViewName(view, zh), score, items.Select(i => i.Id).ToList());
        }).ToList();

    private IReadOnlyList<Strength> Strengths(IReadOnlyList<Turn> turns, bool zh)
    {
        var strengths = new List<(double Rank, Strength Strength)>();
        foreach (var item in checklist.Items.Where(i => !i.IsAntiPattern))
        {
            var shown = turns.Where(t => t.Evaluation.IsObserved(item.Id)).ToList();
            if (shown.Count == 0)
            {
                continue;
            }

            var first = shown[0];
            strengths.Add((item.Weight * shown.Count, new Strength(item.Id, ItemNames.Of(item.Id, zh ? Locales.Chinese : Locales.English), first.Index, first.Evaluation.Find(item.Id)?.Evidence)));
        }

        var clean = turns.Count > 0 && turns.All(t => ChecklistItemIds.AntiPatterns.All(a => !t.Evaluation.IsObserved(a)));
        var list = strengths.OrderByDescending(s => s.Rank).Take(3).Select(s => s.Strength).ToList();
        if (clean)
        {
            list.Add(new Strength("no_anti_patterns", ScorecardTexts.NoAntiPatterns(zh), 0, null));
        }

        return list;
    }

    private IReadOnlyList<Improvement> Improvements(IReadOnlyList<Turn> turns, bool zh, int chaseAfterSeconds)
    {
        var locale = zh ? Locales.Chinese : Locales.English;
        var candidates = new List<(double Priority, Improvement Improvement)>();
        foreach (var item in checklist.Items)
        {
            if (item.IsAntiPattern)
            {
                var hit = turns.FirstOrDefault(t => t.Evaluation.IsObserved(item.Id));
                if (hit is not null)
                {
                    candidates.Add((100 + item.Weight * 10, new Improvement(
                        "item", item.Id, hit.Index, ScorecardTexts.Avoid(ItemNames.Of(item.Id, locale), ItemNames.Gist(item.Description(locale)), zh),
                        hit.Evaluation.Find(item.Id)?.Evidence, hit.Evaluation.SuggestedReply)));
                }

                continue;
            }

            if (turns.Count == 0 || turns.Any(t => t.Evaluation.IsObserved(item.Id)))
            {
                continue;
            }

            // Never shown: tie it to the turn where it mattered most — the first reply for receipt, else the worst-scored turn.
            var turn = item.Id == ChecklistItemIds.AcknowledgeReceipt
                ? turns[0]
                : turns.OrderBy(t => Score(t, item.Dimension)).ThenBy(t => t.Index).First();
            candidates.Add((50 + item.Weight * 10, new Improvement(
                "item", item.Id, turn.Index, ScorecardTexts.Missing(ItemNames.Of(item.Id, locale), ItemNames.Gist(item.Description(locale)), zh), null, turn.Evaluation.SuggestedReply)));
        }

        var slowest = turns.OrderByDescending(t => t.ReplyTime).FirstOrDefault();
        if (slowest is not null && slowest.ReplyTime.TotalSeconds > chaseAfterSeconds)
        {
            candidates.Add((75 + slowest.ReplyTime.TotalSeconds / 60, new Improvement(
                "reply_time", null, slowest.Index, ScorecardTexts.Slow(slowest.ReplyTime.TotalSeconds, chaseAfterSeconds, zh), null, null)));
        }

        return candidates.OrderByDescending(c => c.Priority).ThenBy(c => c.Improvement.Turn).Take(3).Select(c => c.Improvement).ToList();
    }

    private static int Score(Turn turn, Dimension dimension) => dimension switch
    {
        Dimension.Speed => turn.Evaluation.Scores.Speed,
        Dimension.Detail => turn.Evaluation.Scores.Detail,
        _ => turn.Evaluation.Scores.Emotion,
    };

    private static int Mean(IEnumerable<int> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? 0 : (int)Math.Round(list.Average());
    }

    private static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
