using System.Text.Json;
using RolePlayBot.Core.Reports;
using RolePlayBot.Core.Scoring;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Dashboard.Data;

/// <summary>The session's stored scorecard, read back; null while the session runs or when the JSON cannot be read.</summary>
public static class StoredScorecard
{
    public static Scorecard? Of(SessionRecord session)
    {
        if (string.IsNullOrWhiteSpace(session.ScorecardJson))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Scorecard>(session.ScorecardJson, RpbJson.Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Anger and patience from the start (before the first reply) to after the last reply.</summary>
    public static IReadOnlyList<MoodPoint> MoodCurve(IReadOnlyList<TurnRecord> turns)
    {
        if (turns.Count == 0)
        {
            return [];
        }

        var curve = new List<MoodPoint> { new(0, turns[0].AngerBefore, turns[0].PatienceBefore) };
        curve.AddRange(turns.Select(t => new MoodPoint(t.Index, t.AngerAfter, t.PatienceAfter)));
        return curve;
    }
}
