using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Storage;

/// <summary>Creates or migrates the schema before the bot takes its first message (hosted services start before the server).</summary>
public sealed class StorageMigrator(ITrainingStore store, ILogger<StorageMigrator> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        log.LogInformation("Storage ready ({Store})", store.GetType().Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
