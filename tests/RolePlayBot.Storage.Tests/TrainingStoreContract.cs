using RolePlayBot.Storage.Ado;

namespace RolePlayBot.Storage.Tests;

/// <summary>
/// What every <see cref="ITrainingStore"/> must do, run against each provider on a real database of its own
/// (a temp SQLite file; a fresh PostgreSQL database). Each test gets an empty, unmigrated database.
/// </summary>
public abstract partial class TrainingStoreContract : IAsyncLifetime
{
    private readonly List<AdoTrainingStore> stores = [];

    /// <summary>Creates this test's empty database.</summary>
    protected abstract Task CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    /// <summary>A new store instance over this test's database: another bot instance, or the bot after a restart.</summary>
    protected abstract AdoTrainingStore CreateStore();

    /// <summary>The migrations the provider has (PostgreSQL has one more: the rate limit buckets its instances share).</summary>
    protected virtual IReadOnlyList<int> Migrations => [1, 2, 3, 4, 5];

    public Task InitializeAsync() => CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        await DropDatabaseAsync();
    }

    protected AdoTrainingStore NewStore()
    {
        var store = CreateStore();
        stores.Add(store);
        return store;
    }

    protected async Task<AdoTrainingStore> MigratedStoreAsync()
    {
        var store = NewStore();
        await store.MigrateAsync();
        return store;
    }
}
