using RolePlayBot.Core.Text;

namespace RolePlayBot.Core.Evaluation;

/// <summary>Where a detector fired: the matched phrase and the clause around it, both on the normalised text.</summary>
internal readonly record struct RuleHit(int ItemIndex, TextSpan Match, TextSpan Clause);
