using System.ClientModel.Primitives;
using System.Globalization;

namespace RolePlayBot.Llm;

/// <summary>
/// The SDK's retry policy (429, 408, 5xx, transport errors) with our limits: the server's Retry-After is
/// honoured, but a wait longer than <paramref name="maxDelay"/> is not retried at all, and an attempt that
/// timed out is not repeated — a slow model stays slow, and the trainee is waiting.
/// </summary>
internal sealed class BoundedRetryPolicy(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay) : ClientRetryPolicy(maxRetries)
{
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
        var backoff = baseDelay * Math.Pow(2, Math.Max(0, tryCount - 1));
        return backoff < maxDelay ? backoff : maxDelay;
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
