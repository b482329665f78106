using System.Text.RegularExpressions;
using RolePlayBot.Core.Checklist;

namespace RolePlayBot.Core.Customers;

/// <summary>
/// Pulls the promised time ("30分钟内", "明天上午10点", "by 5 pm") out of the time_commitment evidence, using the
/// checklist file's own time patterns, so the customer can hold the agent to exactly what was promised.
/// </summary>
public sealed class PromisedTime
{
    private readonly IReadOnlyList<Regex> _patterns;

    public PromisedTime(ChecklistDefinition checklist)
    {
        _patterns = checklist.TryGet(ChecklistItemIds.TimeCommitment, out var item)
            ? item.Detectors.SelectMany(d => d.Patterns).Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToList()
            : [];
    }

    /// <summary>The longest run of text covered by time patterns; the evidence itself when none matches.</summary>
    public string Extract(string evidence)
    {
        var covered = new bool[evidence.Length];
        foreach (var pattern in _patterns)
        {
            foreach (Match match in pattern.Matches(evidence))
            {
                for (var i = match.Index; i < match.Index + match.Length; i++)
                {
                    covered[i] = true;
                }
            }
        }

        int bestStart = 0, bestLength = 0;
        for (var i = 0; i < covered.Length;)
        {
            if (!covered[i])
            {
                i++;
                continue;
            }

            var start = i;
            while (i < covered.Length && covered[i])
            {
                i++;
            }

            if (i - start > bestLength)
            {
                (bestStart, bestLength) = (start, i - start);
            }
        }

        return bestLength == 0 ? evidence : evidence.Substring(bestStart, bestLength).Trim();
    }
}
