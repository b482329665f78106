using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Storage;

/// <summary>
/// Where conversations last: the training store chosen by "Storage:Provider" (sqlite, the default, a file beside the
/// content root; or postgres for several instances), migrated at start-up, the outbox drainer and the sweep of sent
/// replies and handled activity ids past their retention (<see cref="StoragePruner"/>). The Data Protection
/// key ring (cookies, antiforgery tokens) is kept in the same store, so instances on one database share it.
/// </summary>
public static class StorageHosting
{
    private static readonly string[] Providers = ["sqlite", "postgres", "postgresql"];

    public static WebApplicationBuilder AddTrainingStore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .Validate(o => Providers.Contains(o.Provider?.Trim() ?? "", StringComparer.OrdinalIgnoreCase), "Storage:Provider must be sqlite or postgres.")
            .Validate(o => !IsPostgres(o) || !string.IsNullOrWhiteSpace(o.ConnectionString), "Storage:ConnectionString is required for postgres.")
            .Validate(o => o.RetentionHours >= 1, "Storage:RetentionHours must be 1 or more: a handled activity id must outlive the channel's redeliveries.")
            .Validate(o => o.PruneIntervalMinutes >= 0, "Storage:PruneIntervalMinutes must be 0 (no sweep) or more.")
            .Validate(o => o.SessionCacheSize >= 0, "Storage:SessionCacheSize must be 0 (no cache) or more.")
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>()
            .BindConfiguration(OutboxOptions.SectionName)
            .Validate(o => o.IntervalSeconds >= 0 && o.GraceSeconds >= 0, "Storage:Outbox:IntervalSeconds and GraceSeconds must be 0 or more.")
            .Validate(o => o.MaxAttempts >= 1 && o.BatchSize >= 1, "Storage:Outbox:MaxAttempts and BatchSize must be 1 or more.")
            .ValidateOnStart();

        services.AddSingleton<PrivateSqliteFile>();
        services.TryAddSingleton(sp => TrainingStoreFactory.Create(Resolve(sp), contentRoot, sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<StorageMigrator>();

        services.AddSingleton<ConversationStateCodec>();
        services.AddSingleton(sp => new ConversationCache(sp.GetRequiredService<IOptions<StorageOptions>>().Value.SessionCacheSize));
        services.AddSingleton<TrainingRecords>();
        services.AddSingleton<ConversationJournal>();
        services.AddSingleton<OutboxDrainer>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDrainer>());
        services.AddSingleton<StoragePruner>();
        services.AddHostedService(sp => sp.GetRequiredService<StoragePruner>());

        // One application name and one key ring for every instance: what one protects, all can read.
        services.AddDataProtection().SetApplicationName("RolePlayBot");
        services.AddSingleton<TrainingStoreXmlRepository>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<TrainingStoreXmlRepository>((options, repository) => options.XmlRepository = repository);
        return builder;
    }

    /// <summary>The configured options, with ":memory:" made a private temporary file (see <see cref="PrivateSqliteFile"/>).</summary>
    private static StorageOptions Resolve(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return !IsPostgres(options) && string.Equals(options.ConnectionString?.Trim(), PrivateSqliteFile.Marker, StringComparison.Ordinal)
            ? new StorageOptions { Provider = options.Provider, ConnectionString = services.GetRequiredService<PrivateSqliteFile>().Path }
            : options;
    }

    private static bool IsPostgres(StorageOptions options) =>
        options.Provider?.Trim().StartsWith("postgres", StringComparison.OrdinalIgnoreCase) == true;
}
