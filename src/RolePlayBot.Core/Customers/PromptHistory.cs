using RolePlayBot.Core.Evaluation;

namespace RolePlayBot.Core.Customers;

/// <summary>The conversation as a model customer sees it: older turns summarised, recent lines quoted.</summary>
/// <param name="SummarisedTurns">How many of the first turns <see cref="Summary"/> covers (a multiple of the window's block).</param>
/// <param name="Summary">One line per block of older turns, oldest first, in the session's language.</param>
/// <param name="Recent">The lines after them, oldest first, each bounded and on one line.</param>
public sealed record PromptHistory(int SummarisedTurns, IReadOnlyList<string> Summary, IReadOnlyList<TranscriptLine> Recent)
{
    /// <summary>
    /// Summary lines at most: beyond this the oldest blocks merge into the first line, so a session of any length
    /// gets a prompt of bounded size. The merge happens when a block is added anyway, so it costs no extra cache miss.
    /// </summary>
    public const int MaxSummaryLines = 6;

    /// <summary>
    /// Splits the transcript into turns (each ends with an agent line; customer lines after the last one, such as
    /// chasers, stay with the recent part) and summarises whole blocks of the oldest turns beyond the window.
    /// </summary>
    public static PromptHistory Of(CustomerContext context, HistoryWindow window)
    {
        var chinese = Locales.IsChinese(context.Persona.Locale);
        var segments = new List<List<TranscriptLine>>();
        var current = new List<TranscriptLine>();
        foreach (var line in context.Transcript)
        {
            current.Add(line);
            if (line.Speaker == Speaker.Trainee)
            {
                segments.Add(current);
                current = [];
            }
        }

        var beyond = segments.Count - window.VerbatimTurns;
        var blocks = beyond > 0 ? beyond / window.BlockTurns : 0;
        var records = context.Turns.ToDictionary(t => t.Index);
        var summary = new List<string>();
        var merged = Math.Max(1, blocks - MaxSummaryLines + 1);
        for (var block = 0; block < blocks; block += block == 0 ? merged : 1)
        {
            var size = block == 0 ? merged : 1;
            var first = block * window.BlockTurns + 1;
            var last = (block + size) * window.BlockTurns;
            summary.Add(BlockSummary.Of(first, last, records, context.Persona, chinese));
        }

        var summarised = blocks * window.BlockTurns;
        var recent = segments.Skip(summarised).SelectMany(s => s).Concat(current)
            .Select(l => l with { Text = QuotedText.Quote(l.Text, window.MaxQuotedChars, chinese) })
            .ToList();
        return new PromptHistory(summarised, summary, recent);
    }
}
