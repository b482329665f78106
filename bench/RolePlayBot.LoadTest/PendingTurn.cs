using System.Diagnostics;

namespace RolePlayBot.LoadTest;

/// <summary>One message a trainee sent, waiting for the arrival at the connector that completes it.</summary>
public sealed class PendingTurn(string activityId, TurnKind kind)
{
    private readonly TaskCompletionSource<long> completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool sawCustomerLine;

    public string ActivityId { get; } = activityId;

    /// <summary>Direct Line: the id the server gave the message (its echo or the POST's answer tells it); replies name it.</summary>
    public string? ServerId
    {
        get => Volatile.Read(ref serverId);
        set => Volatile.Write(ref serverId, value);
    }

    private string? serverId;

    /// <summary>True when an activity answering <paramref name="replyToId"/> answers this turn.</summary>
    public bool Answers(string? replyToId) =>
        replyToId is not null && (string.Equals(replyToId, ActivityId, StringComparison.Ordinal) || string.Equals(replyToId, ServerId, StringComparison.Ordinal));

    public TurnKind Kind { get; } = kind;

    public long SentAt { get; set; } = Stopwatch.GetTimestamp();

    /// <summary>The Stopwatch timestamp of the completing arrival.</summary>
    public Task<long> Completed => completed.Task;

    /// <summary>True when the bot said something other than a customer line where one was expected (no session).</summary>
    public bool SessionGone { get; private set; }

    /// <summary>
    /// Feeds an arrival addressed to this turn; returns true when it completed the turn. RolePlayBot's turn is complete
    /// at the customer's line that waits for an answer (input hint <c>expectingInput</c>) or, when no customer waits
    /// (the session ended, a notice), at the turn's last message (<c>acceptingInput</c>): a reply that ends the session
    /// is complete at its scorecard, so the next message never races the scorecard. The echo bot's at its echo.
    /// </summary>
    public bool Offer(ConnectorActivity activity, long arrived)
    {
        if (activity.IsTyping)
        {
            return false;
        }

        sawCustomerLine |= activity.IsText && IsCustomerLine(activity.Text);
        var done = Kind == TurnKind.Echo ? activity.IsText : activity.ExpectsInput || activity.AcceptsInput;
        if (done && Kind == TurnKind.Reply && !sawCustomerLine)
        {
            SessionGone = true;
        }

        return done && completed.TrySetResult(arrived);
    }

    /// <summary>The customer speaking: "**name**：line" (BotTexts.CustomerSays).</summary>
    public static bool IsCustomerLine(string? text) => text is not null && text.StartsWith("**", StringComparison.Ordinal);
}
