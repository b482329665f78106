namespace RolePlayBot.Core.Customers;

/// <summary>
/// How much of the conversation a model customer sees word for word. The last <see cref="VerbatimTurns"/> turns are
/// quoted; older ones are summarised from the turn records, <see cref="BlockTurns"/> at a time, so the summary (and
/// with it the prompt prefix providers cache) changes only every few turns and a long session's prompt stays bounded.
/// </summary>
/// <param name="VerbatimTurns">Turns always quoted in full (at most <c>VerbatimTurns + BlockTurns - 1</c> are).</param>
/// <param name="BlockTurns">Older turns move into the summary this many at a time.</param>
/// <param name="MaxQuotedChars">The longest a quoted message may be; longer ones are cut with a marker.</param>
public sealed record HistoryWindow(int VerbatimTurns = 6, int BlockTurns = 4, int MaxQuotedChars = 600)
{
    public static readonly HistoryWindow Default = new();

    /// <summary>Problems that make the window unusable, worded for the person editing the configuration.</summary>
    public IReadOnlyList<string> Validate(string prefix)
    {
        var errors = new List<string>();
        if (VerbatimTurns is < 1 or > 100)
        {
            errors.Add($"{prefix}HistoryTurns must be between 1 and 100, not {VerbatimTurns}");
        }
        if (BlockTurns is < 1 or > 50)
        {
            errors.Add($"{prefix}HistoryBlockTurns must be between 1 and 50, not {BlockTurns}");
        }
        if (MaxQuotedChars is < 40 or > 20_000)
        {
            errors.Add($"{prefix}MaxQuotedChars must be between 40 and 20000, not {MaxQuotedChars}");
        }
        return errors;
    }
}
