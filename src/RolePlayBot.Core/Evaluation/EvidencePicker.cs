using RolePlayBot.Core.Text;

namespace RolePlayBot.Core.Evaluation;

/// <summary>Chooses the words to quote for a hit: the clause when it is short enough to read in feedback, else the phrase.</summary>
internal static class EvidencePicker
{
    /// <summary>Clauses longer than this (normalised characters) are quoted by their matched phrase only.</summary>
    public const int MaxClauseLength = 40;

    public static string Pick(NormalizedText text, RuleHit hit)
    {
        var span = hit.Clause.Length <= MaxClauseLength ? hit.Clause : hit.Match;
        var evidence = text.OriginalSubstring(span);
        return evidence.Length > 0 ? evidence : text.OriginalSubstring(hit.Match);
    }
}
