using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Conversations;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Storage;

/// <summary>
/// Sends committed replies. Right after a commit the committing turn sends its own batch
/// (<see cref="SendBatchAsync"/>); in the background, replies left pending — a crash or a failed send between commit
/// and send — go out oldest first, in order per conversation (<see cref="DrainAsync"/>), so a committed turn's replies
/// always reach the trainee. Delivery is at least once: a crash between sending and marking sends that reply again.
/// </summary>
public sealed class OutboxDrainer(
    ITrainingStore store,
    IChannelSender sender,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDrainer> log) : BackgroundService
{
    // Ids being sent by this process right now, so the batch and the drainer never send one together.
    private readonly ConcurrentDictionary<long, byte> _claimed = new();
    private readonly ConcurrentDictionary<long, int> _failures = new();

    // Sent-marks written behind the turns that sent them, awaited at shutdown.
    private readonly ConcurrentDictionary<Task, byte> _marking = new();

    /// <summary>The outbox as drafts to commit, all in one new batch.</summary>
    public static (string Batch, IReadOnlyList<OutboxDraft> Drafts) Drafts(Outbox outbox) =>
        Drafts(outbox, out _);

    /// <param name="wire">Each message serialised, as the connector sends it.</param>
    public static (string Batch, IReadOnlyList<OutboxDraft> Drafts) Drafts(Outbox outbox, out IReadOnlyList<byte[]> wire)
    {
        var batch = Guid.NewGuid().ToString("n");
        var reference = JsonSerializer.Serialize(new OutboxAddress(outbox.Reference, batch), BotJson.Options);
        var serialized = outbox.Messages.Select(m => JsonSerializer.SerializeToUtf8Bytes(m, BotJson.Options)).ToList();
        wire = serialized;
        return (batch, serialized.Select(json => new OutboxDraft(reference, PackedJson.Pack(json))).ToList());
    }

    /// <summary>
    /// Sends a turn's committed replies now, in order, from memory, and marks them sent with one write. Stops at the
    /// first failure and leaves the rest (and that one) to the drainer. Without the rows' ids it reads them back.
    /// </summary>
    /// <remarks>
    /// The sent-mark is written behind the turn: the conversation's next turn need not wait for it (in a closed loop
    /// it waited a whole group commit), and the ids stay claimed until it holds, so the drainer never sends them again
    /// meanwhile. A crash before it holds sends them again after the restart, as a crash between send and mark always did.
    /// </remarks>
    public async Task<int> SendCommittedAsync(string conversationKey, CommittedBatch batch, CancellationToken cancellationToken = default)
    {
        if (batch.After is { } after)
        {
            await after.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (batch.OutboxIds is not { } ids)
        {
            return await SendBatchAsync(conversationKey, batch.Batch, cancellationToken);
        }

        var sent = new List<long>(ids.Count);
        var claimed = new List<long>(ids.Count);
        var marking = false;
        try
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (!_claimed.TryAdd(ids[i], 0))
                {
                    break;
                }

                claimed.Add(ids[i]);

                try
                {
                    await (batch.Wire is { } wire
                        ? sender.SendAsync(batch.Reference, batch.Messages[i], wire[i], cancellationToken)
                        : sender.SendAsync(batch.Reference, batch.Messages[i], cancellationToken));
                    sent.Add(ids[i]);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Sending outbox item {Id} to {Conversation} failed; the drainer will retry", ids[i], conversationKey);
                    break;
                }
            }

            if (sent.Count > 0)
            {
                var mark = MarkSentAsync(conversationKey, sent, claimed);
                marking = true;
                _marking.TryAdd(mark, 0);
                _ = mark.ContinueWith(done => _marking.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        finally
        {
            if (!marking)
            {
                Release(claimed);
            }
        }

        return sent.Count;
    }

    /// <summary>Writes the sent-marks finished turns left behind (at shutdown).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await Task.WhenAll(_marking.Keys).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Out of shutdown time: unmarked replies are sent again after the restart.
        }
    }

    private async Task MarkSentAsync(string conversationKey, List<long> sent, List<long> claimed)
    {
        try
        {
            await store.MarkSentAsync(sent, CancellationToken.None);
        }
        catch (Exception e)
        {
            // Left pending, they are sent again by the drainer: at least once, never lost.
            log.LogWarning(e, "Marking {Count} replies of {Conversation} sent failed; the drainer may send them again", sent.Count, conversationKey);
        }
        finally
        {
            Release(claimed);
        }
    }

    private void Release(List<long> claimed)
    {
        foreach (var id in claimed)
        {
            _claimed.TryRemove(id, out _);
        }
    }

    /// <summary>Sends one committed batch now, in order, reading it back from the outbox. A failed send is left to the drainer.</summary>
    public async Task<int> SendBatchAsync(string conversationKey, string batch, CancellationToken cancellationToken = default)
    {
        var pending = await store.PendingOutboxAsync(options.Value.BatchSize, cancellationToken);
        var mine = pending
            .Where(i => string.Equals(i.ConversationKey, conversationKey, StringComparison.Ordinal) && Address(i)?.Batch == batch)
            .ToList();
        return await SendInOrderAsync(mine, cancellationToken);
    }

    /// <summary>Sends replies pending longer than the grace period; returns how many went out.</summary>
    public async Task<int> DrainAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var pending = await store.PendingOutboxAsync(options.Value.BatchSize, cancellationToken);
        var due = now - TimeSpan.FromSeconds(options.Value.GraceSeconds);
        var sent = 0;
        foreach (var conversation in pending.Where(i => i.CreatedAt <= due).GroupBy(i => i.ConversationKey, StringComparer.Ordinal))
        {
            sent += await SendInOrderAsync(conversation.ToList(), cancellationToken);
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.IntervalSeconds;
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), time);
        try
        {
            do
            {
                try
                {
                    await DrainAsync(time.GetUtcNow(), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Draining the outbox failed");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends one conversation's items in order, stopping at the first that fails so none overtakes it.</summary>
    private async Task<int> SendInOrderAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var item in items)
        {
            if (!_claimed.TryAdd(item.Id, 0))
            {
                return sent;
            }

            try
            {
                await SendAsync(item, cancellationToken);
                await store.MarkSentAsync(item.Id, cancellationToken);
                _failures.TryRemove(item.Id, out _);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var failures = _failures.AddOrUpdate(item.Id, 1, (_, n) => n + 1);
                if (failures < options.Value.MaxAttempts)
                {
                    log.LogWarning(e, "Sending outbox item {Id} to {Conversation} failed (attempt {Attempt}); will retry", item.Id, item.ConversationKey, failures);
                    return sent;
                }

                log.LogError(e, "Giving up outbox item {Id} to {Conversation} after {Attempts} attempts", item.Id, item.ConversationKey, failures);
                _failures.TryRemove(item.Id, out _);
                await store.MarkSentAsync(item.Id, cancellationToken);
            }
            finally
            {
                _claimed.TryRemove(item.Id, out _);
            }
        }

        return sent;
    }

    private Task<string> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var address = Address(item) ?? throw new JsonException($"Outbox item {item.Id} has no reference.");
        var activity = JsonSerializer.Deserialize<Activity>(PackedJson.Utf8(item.ActivityJson), BotJson.Options)
            ?? throw new JsonException($"Outbox item {item.Id} has no activity.");
        return sender.SendAsync(address.Reference, activity, cancellationToken);
    }

    private static OutboxAddress? Address(OutboxItem item)
    {
        try
        {
            return JsonSerializer.Deserialize<OutboxAddress>(item.ReferenceJson, BotJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
