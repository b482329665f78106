using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Conversations.Chasers;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Storage;
using RolePlayBot.Bot.Tests.Conversations;
using RolePlayBot.Bot.Turns;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Tests.Persistence;

/// <summary>
/// One running bot (the real host, offline engine) on a given database, with a recording channel and a shared manual
/// clock; the chaser, drainer and pruning loops are off and run by hand. Several instances on one database are several bots.
/// </summary>
internal sealed class BotInstance : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public BotInstance(
        StorageOptions storage, ManualTime time, IChannelSender? sender = null, Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        Time = time;
        Sender = sender ?? new RecordingChannelSender();
        var configuration = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = storage.Provider,
            ["Storage:ConnectionString"] = storage.ConnectionString,
            ["Storage:Outbox:IntervalSeconds"] = "0",
            ["Storage:PruneIntervalMinutes"] = "0",
            ["Conversations:ChaserIntervalSeconds"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(configuration));
            web.ConfigureServices(collection =>
            {
                collection.AddSingleton<TimeProvider>(time);
                collection.AddSingleton(Sender);
                services?.Invoke(collection);
            });
        });
        Handler = _factory.Services.GetRequiredService<ITurnHandler>();
    }

    public ManualTime Time { get; }
    public IChannelSender Sender { get; }
    public ITurnHandler Handler { get; }
    public ITrainingStore Store => _factory.Services.GetRequiredService<ITrainingStore>();
    public OutboxDrainer Outbox => _factory.Services.GetRequiredService<OutboxDrainer>();
    public StoragePruner Pruner => _factory.Services.GetRequiredService<StoragePruner>();
    public ChaserService Chaser => _factory.Services.GetRequiredService<ChaserService>();
    public Core.PracticeFiles PracticeFiles => _factory.Services.GetRequiredService<Core.PracticeFiles>();

    public Task<InvokeResponse?> SendAsync(Activity activity) => Handler.OnTurnAsync(new TurnContext(activity, Sender));

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
