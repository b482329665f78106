using Microsoft.Extensions.Options;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Storage;

/// <summary>
/// Keeps the database from growing with every turn: every <see cref="StorageOptions.PruneIntervalMinutes"/> it deletes
/// sent replies and handled activity ids older than <see cref="StorageOptions.RetentionHours"/>, in small deletes that
/// turns committing meanwhile barely notice; where rate limits are shared through the database, it also forgets the
/// buckets of users and conversations idle for a minute. The first sweep runs at start (an older database may hold a backlog).
/// </summary>
public sealed class StoragePruner(ITrainingStore store, TimeProvider time, IOptions<StorageOptions> options, ILogger<StoragePruner> log)
    : BackgroundService
{
    /// <summary>One sweep now; what it deleted.</summary>
    public async Task<PrunedRows> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var olderThan = now - TimeSpan.FromHours(options.Value.RetentionHours);
        var pruned = await store.PruneAsync(olderThan, cancellationToken);
        if (pruned.SentReplies + pruned.HandledActivities > 0)
        {
            log.LogInformation("Pruned {Replies} sent replies and {Activities} handled activity ids from before {OlderThan:u}",
                pruned.SentReplies, pruned.HandledActivities, olderThan);
        }

        if (store is ISharedRateBuckets shared)
        {
            pruned = pruned with { RateBuckets = await shared.ForgetRateBucketsAsync(now, cancellationToken) };
        }

        return pruned;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.PruneIntervalMinutes;
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), time);
        try
        {
            do
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Pruning old replies and handled activity ids failed; the next sweep tries again");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
