using RolePlayBot.Core.Customers;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Mood;
using RolePlayBot.Core.Usage;

namespace RolePlayBot.Core.Sessions;

/// <summary>One trainee reply and everything that followed from it.</summary>
/// <param name="Index">1-based turn number.</param>
/// <param name="CustomerText">The customer message the trainee answered.</param>
/// <param name="Chasers">Chasers the customer sent while waiting for this reply ("在吗？").</param>
/// <param name="TraineeText">What the trainee wrote.</param>
/// <param name="CustomerAt">When the customer's message was sent.</param>
/// <param name="RepliedAt">When the trainee's reply arrived.</param>
/// <param name="MoodBefore">The customer's mood when the customer message was sent.</param>
/// <param name="MoodAfter">The mood after the reply.</param>
/// <param name="MoodChanges">Why the mood moved, change by change (waiting included).</param>
/// <param name="Evaluation">The evaluator's verdict on the reply.</param>
/// <param name="NeedsMet">Hidden needs this reply met.</param>
/// <param name="CustomerReply">The customer's answer; null when the customer had already left.</param>
/// <param name="OutcomeAfter">The session's outcome after this turn.</param>
public sealed record Turn(
    int Index,
    string CustomerText,
    IReadOnlyList<string> Chasers,
    string TraineeText,
    DateTimeOffset CustomerAt,
    DateTimeOffset RepliedAt,
    MoodState MoodBefore,
    MoodState MoodAfter,
    IReadOnlyList<MoodChange> MoodChanges,
    ReplyEvaluation Evaluation,
    IReadOnlyList<string> NeedsMet,
    CustomerMessage? CustomerReply,
    Outcome OutcomeAfter)
{
    /// <summary>The measured reply time: from the customer's message to the trainee's reply.</summary>
    public TimeSpan ReplyTime => RepliedAt - CustomerAt;

    /// <summary>
    /// Tokens the model calls of this turn cost (the customer's answer and the judge, retries included); null when no
    /// model answered (the offline engine, or every call failed). Turns stored before tokens were recorded have none.
    /// </summary>
    public TokenUsage? Tokens { get; init; }
}
