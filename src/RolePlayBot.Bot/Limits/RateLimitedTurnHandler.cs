using System.Text.Json.Nodes;
using RolePlayBot.Bot.Conversations;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Turns;
using RolePlayBot.Core;

namespace RolePlayBot.Bot.Limits;

/// <summary>
/// Drops messages that come faster than <see cref="RateLimitOptions"/> allow before they become practice turns, and
/// tells the trainee once (not once per dropped message) when to send again.
/// </summary>
/// <remarks>
/// /api/messages still answers such a message 200. Teams and the other Bot Framework channels retry a 429 or 5xx,
/// so refusing would bring the same burst back again, and a delivery that keeps failing shows the trainee an
/// undelivered message with no reason given. Accepting and dropping it ends the burst at the bot, and the notice
/// says what happened. Nothing is stored for a dropped message (it was never a turn), so the session is as it was,
/// and a channel redelivery of it after the pause is taken like a fresh message.
/// </remarks>
public sealed class RateLimitedTurnHandler(ITurnHandler inner, TraineeRateLimiter limiter, ILogger<RateLimitedTurnHandler> log) : ITurnHandler
{
    public async Task<InvokeResponse?> OnTurnAsync(TurnContext context, CancellationToken cancellationToken = default)
    {
        var activity = context.Activity;
        if (!limiter.Enabled || !RateLimitKeys.Counts(activity))
        {
            return await inner.OnTurnAsync(context, cancellationToken);
        }

        var decision = await limiter.AcquireAsync(RateLimitKeys.User(activity), RateLimitKeys.Conversation(activity), cancellationToken);
        if (decision.Allowed)
        {
            return await inner.OnTurnAsync(context, cancellationToken);
        }

        log.LogInformation("Rate limit: {Type} activity {Id} in {Conversation} dropped; the next may come in {RetryAfter}",
            activity.Type, activity.Id, context.Reference.Key, decision.RetryAfter);
        var notice = InputTexts.TooFast(decision.RetryAfter, Locales.IsChinese(ActivityLocale.Raw(activity)));
        if (activity.Type == ActivityTypes.Invoke)
        {
            // Universal Actions: HTTP 200 with the real status in the body, which Teams shows on the card.
            return new InvokeResponse(StatusCodes.Status200OK, new JsonObject
            {
                ["statusCode"] = StatusCodes.Status429TooManyRequests,
                ["type"] = "application/vnd.microsoft.error",
                ["value"] = new JsonObject { ["code"] = "TooManyRequests", ["message"] = notice },
            });
        }

        if (decision.Notify)
        {
            await context.SendTextAsync(notice, cancellationToken);
        }

        return null;
    }
}
