using System.Globalization;
using System.Text;
using RolePlayBot.Core.Checklist;

namespace RolePlayBot.Core.Tests.Rules;

/// <summary>Runs the rule evaluator over a labelled set and reports per-item balanced accuracy as Markdown.</summary>
public sealed class AccuracyReport
{
    private AccuracyReport(IReadOnlyList<ItemAccuracy> items, IReadOnlyList<string> errors, int total, int zh, int en)
    {
        Items = items;
        Errors = errors;
        Total = total;
        Chinese = zh;
        English = en;
    }

    public IReadOnlyList<ItemAccuracy> Items { get; }

    /// <summary>Every disagreement, "id item expected→got: reply", for reading when tuning patterns.</summary>
    public IReadOnlyList<string> Errors { get; }

    public int Total { get; }

    public int Chinese { get; }

    public int English { get; }

    public double Macro => Items.Average(i => i.BalancedAccuracy);

    public static AccuracyReport Run(IReadOnlyList<LabelledReply> set)
    {
        var evaluator = RepoRoot.Evaluator;
        var counts = ChecklistItemIds.All.ToDictionary(id => id, _ => new int[4]);
        var errors = new List<string>();
        foreach (var row in set)
        {
            var observations = evaluator.Observe(row.Reply, out _);
            foreach (var id in ChecklistItemIds.All)
            {
                var expected = row.Labels[id];
                var got = observations.First(o => o.ItemId == id).Observed;
                counts[id][(expected ? 0 : 2) + (expected == got ? 0 : 1)]++;
                if (expected != got)
                {
                    errors.Add($"{row.Id} {id} {(expected ? "missed" : "false alarm")}: {row.Reply}");
                }
            }
        }

        var items = ChecklistItemIds.All.Select(id => new ItemAccuracy(id, counts[id][0], counts[id][1], counts[id][2], counts[id][3])).ToList();
        return new AccuracyReport(items, errors, set.Count, set.Count(r => r.Locale.StartsWith("zh", StringComparison.Ordinal)), set.Count(r => r.Locale == "en"));
    }

    public string ToMarkdown(string title)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {title}").AppendLine();
        md.AppendLine($"Labelled replies: {Total} ({Chinese} zh-CN, {English} en). Balanced accuracy = (TPR + TNR) / 2 per item.").AppendLine();
        md.AppendLine("| item | positives | negatives | TP | FN | TN | FP | TPR | TNR | balanced accuracy |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var i in Items)
        {
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {i.ItemId} | {i.Positives} | {i.Negatives} | {i.TruePositive} | {i.FalseNegative} | {i.TrueNegative} | {i.FalsePositive} | {i.Tpr:0.000} | {i.Tnr:0.000} | {i.BalancedAccuracy:0.000} |"));
        }

        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| **macro average** | | | | | | | | | **{Macro:0.000}** |"));
        return md.ToString();
    }
}
