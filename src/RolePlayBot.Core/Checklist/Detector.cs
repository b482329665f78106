namespace RolePlayBot.Core.Checklist;

/// <summary>
/// A rule detector from the checklist file: phrase patterns (regular expressions over the normalised reply)
/// that make an item observed, unless an <see cref="Unless"/> pattern also matches near it (negation,
/// "apology that denies responsibility" and similar traps).
/// </summary>
/// <param name="Name">Short name shown in diagnostics.</param>
/// <param name="Locale">"zh", "en" or "any".</param>
/// <param name="Patterns">Any of these matching makes the detector fire.</param>
/// <param name="Unless">If any of these matches in the same clause (or the whole reply when <see cref="UnlessScope"/> is "reply"), the hit is discarded.</param>
/// <param name="UnlessScope">"clause" (default) or "reply".</param>
/// <param name="Requires">
/// When given, one of these must also match somewhere in the reply for a hit to count: lets a formula phrase
/// ("理解您的心情") count only when the reply is tied to the customer's situation.
/// </param>
public sealed record Detector(
    string Name,
    string Locale,
    IReadOnlyList<string> Patterns,
    IReadOnlyList<string> Unless,
    string UnlessScope = "clause",
    IReadOnlyList<string>? Requires = null);
