using System.ClientModel.Primitives;
using System.Globalization;

namespace RolePlayBot.Llm;

/// <summary>
/// The SDK's retry policy (429, 408, 5xx, transport errors) with our limits: the server's Retry-After is
/// honoured exactly, but a wait longer than <paramref name="maxDelay"/> is not retried at all, and an attempt that
/// timed out is not repeated — a slow model stays slow, and the trainee is waiting. Without a Retry-After the wait is
/// "full jitter" (uniform between zero and the capped exponential backoff), so a class of trainees whose turns failed
/// together does not come back in one synchronised wave.
/// </summary>
/// <param name="random">A number in [0, 1) per wait; tests pass a fixed sequence.</param>
internal sealed class BoundedRetryPolicy(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay, Func<double>? random = null) : ClientRetryPolicy(maxRetries)
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    protected override bool ShouldRetry(PipelineMessage message, Exception? exception) =>
        base.ShouldRetry(message, exception) && Allowed(message, exception);

    protected override async ValueTask<bool> ShouldRetryAsync(PipelineMessage message, Exception? exception) =>
        await base.ShouldRetryAsync(message, exception) && Allowed(message, exception);

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        if (ServerDelay(message) is { } asked)
        {
            return asked;
        }
        return Backoff(tryCount);
    }

    /// <summary>Full jitter: uniform in [0, min(maxDelay, baseDelay · 2^(tryCount−1))).</summary>
    internal TimeSpan Backoff(int tryCount)
    {
        var exponential = baseDelay * Math.Pow(2, Math.Clamp(tryCount - 1, 0, 30));
        var ceiling = exponential < maxDelay ? exponential : maxDelay;
        return ceiling * Math.Clamp(_random(), 0, 1);
    }

    private bool Allowed(PipelineMessage message, Exception? exception)
    {
        if (exception is OperationCanceledException or TimeoutException || exception?.InnerException is TimeoutException)
        {
            return false;
        }
        return ServerDelay(message) is not { } asked || asked <= maxDelay;
    }

    /// <summary>retry-after-ms (OpenAI, Azure), then Retry-After in seconds or as an HTTP date.</summary>
    private static TimeSpan? ServerDelay(PipelineMessage message)
    {
        var headers = message.Response?.Headers;
        if (headers is null)
        {
            return null;
        }
        foreach (var name in new[] { "retry-after-ms", "x-ms-retry-after-ms" })
        {
            if (headers.TryGetValue(name, out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
            {
                return TimeSpan.FromMilliseconds(millis);
            }
        }
        if (headers.TryGetValue("Retry-After", out var value) && value is not null)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
            {
                var wait = when - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }
        return null;
    }
}
