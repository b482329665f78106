using Microsoft.Extensions.AI;

namespace RolePlayBot.Core.Usage;

/// <summary>
/// Collects the token usage of the model calls made for one turn. The customer and the judge answer concurrently,
/// so recording is thread-safe. The session hands one meter to both (through the customer context and the
/// evaluation request) and stores <see cref="Total"/> on the turn; every call is also published to
/// <see cref="TokenMetrics"/> for load tests and monitoring.
/// </summary>
public sealed class TokenMeter
{
    private readonly Lock _lock = new();
    private TokenUsage? _total;

    /// <summary>Everything recorded so far; null when no model answered (an offline turn).</summary>
    public TokenUsage? Total
    {
        get
        {
            lock (_lock)
            {
                return _total;
            }
        }
    }

    /// <summary>Records one model answer.</summary>
    /// <param name="role">Who called: <see cref="TokenRoles.Customer"/> or <see cref="TokenRoles.Judge"/>.</param>
    /// <param name="usage">The provider's report; null when it reported none.</param>
    public void Record(string role, UsageDetails? usage)
    {
        var call = TokenUsage.FromCall(usage);
        lock (_lock)
        {
            _total = _total is null ? call : _total + call;
        }
        TokenMetrics.RecordCall(role, call);
    }
}

/// <summary>The callers whose tokens are told apart in metrics.</summary>
public static class TokenRoles
{
    public const string Customer = "customer";
    public const string Judge = "judge";
}
