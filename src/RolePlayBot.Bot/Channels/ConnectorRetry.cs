using System.Net;
using System.Net.Http.Headers;

namespace RolePlayBot.Bot.Channels;

/// <summary>
/// When and how long to back off on Connector calls (Teams rate-limit guidance): 429, 412 and 5xx are retried with
/// exponential backoff and jitter, Retry-After wins when present, every wait is capped. <see cref="DelayAsync"/> is the
/// seam tests use to record waits instead of sleeping.
/// </summary>
public sealed class ConnectorRetry
{
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The Agents SDK's cap; a longer Retry-After is shortened to this.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public Func<TimeSpan, CancellationToken, Task> DelayAsync { get; init; } = Task.Delay;

    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
        || ((int)status >= 500 && status != HttpStatusCode.NotImplemented);

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1.</summary>
    public TimeSpan DelayFor(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        if (retryAfter?.Delta is { } delta)
        {
            return Cap(delta);
        }

        if (retryAfter?.Date is { } date)
        {
            return Cap(date - Time.GetUtcNow());
        }

        // Equal jitter: half the exponential step is fixed, half random, so concurrent senders spread out.
        var step = BaseDelay * Math.Pow(2, attempt - 1);
        return Cap(step / 2 + step / 2 * Random.Shared.NextDouble());
    }

    private TimeSpan Cap(TimeSpan delay) => delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;
}
