using System.Text.Json;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Reports;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Dashboard.Data;

/// <summary>Reads the stored observations of turns and counts the misses per checklist item.</summary>
public static class TurnObservations
{
    public static IReadOnlyList<Observation> Of(TurnRecord turn)
    {
        try
        {
            return JsonSerializer.Deserialize<List<Observation>>(turn.ObservationsJson, RpbJson.Options) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Every item seen in the turns (the 13 contract items first), most-missed first.</summary>
    public static IReadOnlyList<ItemStat> Misses(IReadOnlyCollection<TurnRecord> turns)
    {
        var observed = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>(ChecklistItemIds.All);
        foreach (var turn in turns)
        {
            foreach (var observation in Of(turn))
            {
                if (!ids.Contains(observation.ItemId))
                {
                    ids.Add(observation.ItemId);
                }

                if (observation.Observed)
                {
                    observed[observation.ItemId] = observed.GetValueOrDefault(observation.ItemId) + 1;
                }
            }
        }

        return ids
            .Select(id =>
            {
                var anti = ChecklistItemIds.AntiPatterns.Contains(id);
                var seen = observed.GetValueOrDefault(id);
                return new ItemStat(id, anti, anti ? seen : turns.Count - seen, turns.Count);
            })
            .OrderByDescending(s => s.Rate)
            .ThenBy(s => ids.IndexOf(s.ItemId))
            .ToList();
    }
}
