using System.Diagnostics;

namespace RolePlayBot.LoadTest;

/// <summary>One message a trainee sent, waiting for the arrival at the connector that completes it.</summary>
public sealed class PendingTurn(string activityId, TurnKind kind)
{
    private readonly TaskCompletionSource<long> completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int texts;

    public string ActivityId { get; } = activityId;

    public TurnKind Kind { get; } = kind;

    public long SentAt { get; set; } = Stopwatch.GetTimestamp();

    /// <summary>The Stopwatch timestamp of the completing arrival.</summary>
    public Task<long> Completed => completed.Task;

    /// <summary>True when the bot said something other than a customer line where one was expected (no session).</summary>
    public bool SessionGone { get; private set; }

    /// <summary>Feeds an arrival addressed to this turn; returns true when it completed the turn.</summary>
    public bool Offer(ConnectorActivity activity, long arrived)
    {
        if (activity.IsTyping)
        {
            return false;
        }

        var done = Kind switch
        {
            TurnKind.Echo => activity.IsText,
            TurnKind.End => activity.IsScorecard || (activity.IsText && !IsCustomerLine(activity.Text)),
            TurnKind.Start => activity.IsText && (++texts == 2 || IsNotice(activity.Text)),
            _ => activity.IsText,
        };
        if (done && Kind is TurnKind.Reply or TurnKind.End && activity.IsText && !IsCustomerLine(activity.Text))
        {
            SessionGone = true;
        }

        return done && completed.TrySetResult(arrived);
    }

    /// <summary>The customer speaking: "**name**：line" (BotTexts.CustomerSays).</summary>
    public static bool IsCustomerLine(string? text) => text is not null && text.StartsWith("**", StringComparison.Ordinal);

    // A start that failed answers with one notice (unknown persona, already practising), never a customer line;
    // briefings start with the persona's name in bold too, so a start waits for its second text unless the first is a notice.
    private static bool IsNotice(string? text) => text is not null && !text.StartsWith("**", StringComparison.Ordinal) && !text.Contains("**", StringComparison.Ordinal);
}
