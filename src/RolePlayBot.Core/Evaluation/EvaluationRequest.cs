using RolePlayBot.Core.Personas;
using RolePlayBot.Core.Usage;

namespace RolePlayBot.Core.Evaluation;

/// <summary>What the evaluator judges: one trainee reply to one customer message.</summary>
/// <param name="Reply">The trainee's reply: untrusted text.</param>
/// <param name="CustomerMessage">The customer message it answers.</param>
/// <param name="Locale">The session's language (zh-CN or en).</param>
/// <param name="Persona">The persona, when known: its facts make suggestions concrete.</param>
/// <param name="ReplyTime">Measured time the trainee took, when known (feeds the speed score).</param>
/// <param name="History">Earlier lines of the conversation, oldest first.</param>
public sealed record EvaluationRequest(
    string Reply,
    string CustomerMessage,
    string Locale,
    Persona? Persona = null,
    TimeSpan? ReplyTime = null,
    IReadOnlyList<TranscriptLine>? History = null)
{
    /// <summary>Where a model judge records the tokens its calls cost; null when nobody counts.</summary>
    public TokenMeter? Tokens { get; init; }

    /// <summary>
    /// The rule engine's evaluation of this same reply when the caller has made it already (a session needs it for the
    /// mood before the judge is asked): a judge built on that same engine uses it instead of running the rules again.
    /// </summary>
    public RuleVerdict? Rules { get; init; }
}

/// <summary>An evaluation and the rule engine that made it.</summary>
public sealed record RuleVerdict(IReplyEvaluator Engine, ReplyEvaluation Evaluation);

/// <summary>One line of a conversation.</summary>
public sealed record TranscriptLine(Speaker Speaker, string Text);

public enum Speaker
{
    Customer,
    Trainee,
}
