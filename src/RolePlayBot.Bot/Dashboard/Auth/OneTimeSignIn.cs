using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Dashboard.Auth;

/// <summary>
/// Single use of sign-in links across every instance on one database: a link's nonce is used up in the training store
/// (<see cref="ITrainingStore.TryUseOnceAsync"/>), remembered there until the link would have expired anyway.
/// </summary>
public sealed class OneTimeSignIn(DashboardLinks links, ITrainingStore store)
{
    // The nonce table may hold other one-time values one day; this prefix keeps the links' apart.
    private const string NoncePrefix = "dashboard-link:";

    /// <summary>Checks a link without using it up (the confirmation page).</summary>
    public async Task<(SignInRefusal Refusal, SignInTicket? Ticket)> CheckAsync(string? token, CancellationToken cancellationToken = default)
    {
        var refusal = links.Check(token, out var ticket);
        if (refusal != SignInRefusal.None)
        {
            return (refusal, null);
        }

        return await store.IsUsedAsync(NoncePrefix + ticket!.Nonce, cancellationToken) ? (SignInRefusal.AlreadyUsed, null) : (refusal, ticket);
    }

    /// <summary>Checks a link and uses it up: any later redemption, on any instance, is refused.</summary>
    public async Task<(SignInRefusal Refusal, SignInTicket? Ticket)> RedeemAsync(string? token, CancellationToken cancellationToken = default)
    {
        var refusal = links.Check(token, out var ticket);
        if (refusal != SignInRefusal.None)
        {
            return (refusal, null);
        }

        return await store.TryUseOnceAsync(NoncePrefix + ticket!.Nonce, ticket.ExpiresAt, cancellationToken) ? (refusal, ticket) : (SignInRefusal.AlreadyUsed, null);
    }
}
