using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Mood;
using RolePlayBot.Core.Personas;
using RolePlayBot.Core.Sessions;
using RolePlayBot.Core.Usage;

namespace RolePlayBot.Core.Customers;

/// <summary>Everything a customer engine needs to produce the customer's next message.</summary>
/// <param name="Persona">Who the customer is.</param>
/// <param name="Transcript">The conversation so far, oldest first, ending with the trainee's latest reply.</param>
/// <param name="RuleEvaluation">The rule engine's observations on the latest reply (what the trainee just did).</param>
/// <param name="MoodBefore">Mood before the latest reply.</param>
/// <param name="Mood">Mood after it: the engine must speak in this mood.</param>
/// <param name="Outcome">When not <see cref="Outcome.Ongoing"/>, the engine voices this ending.</param>
/// <param name="UnmetNeeds">Hidden needs not met yet, most important first.</param>
/// <param name="MetThisTurn">Hidden needs the latest reply met.</param>
/// <param name="Random">The session's seeded random source (offline determinism).</param>
/// <param name="Kind">Why the customer speaks now.</param>
public sealed record CustomerContext(
    Persona Persona,
    IReadOnlyList<TranscriptLine> Transcript,
    ReplyEvaluation? RuleEvaluation,
    MoodState MoodBefore,
    MoodState Mood,
    Outcome Outcome,
    IReadOnlyList<HiddenNeed> UnmetNeeds,
    IReadOnlyList<HiddenNeed> MetThisTurn,
    Random Random,
    CustomerTurnKind Kind = CustomerTurnKind.Answer)
{
    /// <summary>
    /// The session's recorded turns, oldest first (the reply being answered has none yet): a model customer
    /// summarises older turns from them instead of sending the whole transcript.
    /// </summary>
    public IReadOnlyList<Turn> Turns { get; init; } = [];

    /// <summary>Where a model customer records the tokens its call cost; null when nobody counts.</summary>
    public TokenMeter? Tokens { get; init; }
}

public enum CustomerTurnKind
{
    /// <summary>Answering the trainee's reply.</summary>
    Answer,
    /// <summary>The trainee is slow: chase ("在吗？").</summary>
    Chase,
}
