using Microsoft.Extensions.Options;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Conversations.State;

namespace RolePlayBot.Bot.Conversations.Chasers;

/// <summary>
/// The customer's side of the clock: every few seconds, each running session whose customer has waited past the
/// persona's threshold chases ("在吗？") or leaves, and what they say goes out proactively to the stored
/// conversation reference. Tests call <see cref="TickAsync"/> with an injected time instead of waiting.
/// </summary>
public sealed class ChaserService(
    IConversationStateStore store,
    ConversationLocks locks,
    PracticeConversation practice,
    IChannelSender sender,
    TimeProvider time,
    IOptions<ConversationOptions> options,
    ILogger<ChaserService> log) : BackgroundService
{
    /// <summary>Checks every running session once at <paramref name="now"/>; returns how many customer messages were sent.</summary>
    public async Task<int> TickAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var sent = 0;
        foreach (var key in await store.RunningAsync(cancellationToken))
        {
            // A conversation whose turn is in progress is skipped: the reply itself lets the clock run.
            using var held = locks.TryAcquire(key);
            if (held is null)
            {
                continue;
            }

            try
            {
                if (await store.FindAsync(key, cancellationToken) is not { IsPractising: true } state)
                {
                    continue;
                }

                var outbox = Outbox.Proactive(sender, state.Reference, options.Value.RendersCards(state.Reference.ChannelId));
                sent += await practice.ChaseAsync(state, outbox, now, cancellationToken);
                await store.SaveAsync(state, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Chasing failed in {Conversation}", key);
            }
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.ChaserIntervalSeconds;
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TickAsync(time.GetUtcNow(), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
