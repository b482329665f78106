using System.Net;

namespace RolePlayBot.Bot.Channels;

/// <summary>A Connector call that failed for good: refused before sending, a non-retryable status, or retries exhausted.</summary>
public sealed class ConnectorException(string message, HttpStatusCode? status = null, string? errorBody = null, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;

    /// <summary>The channel's ErrorResponse body, for logs.</summary>
    public string? ErrorBody { get; } = errorBody;
}
