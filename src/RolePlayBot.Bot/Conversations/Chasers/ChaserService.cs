using Microsoft.Extensions.Options;
using RolePlayBot.Bot.Conversations.State;
using RolePlayBot.Bot.Storage;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Conversations.Chasers;

/// <summary>
/// The customer's side of the clock: every few seconds, each running session whose customer has waited past the
/// persona's threshold chases ("在吗？") or leaves, and what they say goes out proactively to the stored
/// conversation reference. A chase commits like a turn (without an activity id); when another instance changed the
/// conversation meanwhile, that instance just acted and this chase is dropped. Tests call <see cref="TickAsync"/>
/// with an injected time instead of waiting.
/// </summary>
/// <remarks>
/// A class keeps hundreds of sessions running, and nearly all of their customers are not yet due to chase. Reading
/// and decoding each of them on every tick cost a core 50–140 ms every 5 s at 1,000 trainees, so a conversation whose
/// decoded state this instance holds (<see cref="ConversationCache"/>) at the version the store lists is judged from
/// that state, and skipped unread while nothing is due. One decoded here with nothing due is kept in the cache while
/// it has room or in place of an older copy of itself (never pushing out the states turns use).
/// </remarks>
public sealed class ChaserService(
    ITrainingStore store,
    ConversationJournal journal,
    ConversationLocks locks,
    ConversationCache cache,
    PracticeConversation practice,
    TimeProvider time,
    IOptions<ConversationOptions> options,
    ILogger<ChaserService> log) : BackgroundService
{
    /// <summary>Checks every running session once at <paramref name="now"/>; returns how many customer messages were sent.</summary>
    public async Task<int> TickAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var sent = 0;
        foreach (var (key, version) in await store.RunningConversationsAsync(cancellationToken))
        {
            // A conversation whose turn is in progress here is skipped: the reply itself lets the clock run.
            using var held = locks.TryAcquire(key);
            if (held is null)
            {
                continue;
            }

            if (cache.Peek(key) is { } cached && cached.Version == version && PracticeConversation.NothingDue(cached.State, now))
            {
                continue;
            }

            try
            {
                sent += await ChaseAsync(key, now, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                log.LogInformation("{Conversation} changed while chasing; another instance acted", key);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Chasing failed in {Conversation}", key);
            }
        }

        return sent;
    }

    private async Task<int> ChaseAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await journal.FindAsync(key, cancellationToken) is not { } loaded)
        {
            return 0;
        }

        var state = loaded.State;
        var outbox = Outbox.Proactive(state.Reference, options.Value.RendersCards(state.Reference.ChannelId));
        if (loaded.LostSession is { } lost)
        {
            await outbox.TextAsync(BotTexts.SessionLost(Core.Locales.IsChinese(lost.PersonaLocale)), cancellationToken);
        }

        var before = SessionTrack.Before(state);
        var chased = await practice.ChaseAsync(state, outbox, now, cancellationToken);
        if (outbox.Messages.Count == 0)
        {
            // Unchanged, and the state at the stored version: the next ticks can judge it without reading it again.
            // Kept while the cache has room, or in place of an older copy of its own (which pushes nobody out).
            if (cache.Count < cache.Capacity || cache.VersionOf(key) >= 0)
            {
                cache.Put(key, loaded.Version, state);
            }

            return 0;
        }

        var batch = await journal.CommitAsync(loaded, state, before, activityId: null, outbox, cancellationToken);
        await journal.SendAsync(key, batch, cancellationToken);
        return chased;
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
