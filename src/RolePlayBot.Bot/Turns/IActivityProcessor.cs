using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Turns;

/// <summary>
/// The one way an inbound activity reaches the bot's logic, whichever channel adapter received it (Bot Framework
/// /api/messages after authentication, or the embedded Direct Line). Invokes are answered synchronously; other
/// activities are queued per conversation (in order) and processed in the background so the channel is answered
/// at once, and the returned task completes when the activity is accepted, not when it is handled.
/// </summary>
public interface IActivityProcessor
{
    Task<InvokeResponse?> ProcessAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Completes when every activity accepted so far for this conversation has been handled (tests, shutdown).</summary>
    Task DrainAsync(string conversationKey, CancellationToken cancellationToken = default);
}
