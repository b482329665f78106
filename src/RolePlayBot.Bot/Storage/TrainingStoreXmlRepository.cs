using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Storage;

/// <summary>
/// The ASP.NET Core Data Protection key ring in the training store, so every instance on one database reads the cookies
/// and antiforgery tokens the others issued. <see cref="IXmlRepository"/> is synchronous: each call blocks on the store's
/// async method run on the thread pool (<see cref="Task.Run(Func{Task})"/>), so no caller's synchronization context is
/// captured and nothing can deadlock on it. Data Protection caches the ring (about a day), so the database sees these
/// calls at start-up, on a key rotation and when a payload names a key this instance has not read yet.
/// </summary>
public sealed class TrainingStoreXmlRepository(ITrainingStore store) : IXmlRepository
{
    // Data Protection may read the ring before StorageMigrator has run (its own hosted service can start first).
    private volatile bool migrated;

    public IReadOnlyCollection<XElement> GetAllElements() =>
        Run(async () =>
        {
            await EnsureMigratedAsync();
            return (await store.DataProtectionKeysAsync()).Select(key => XElement.Parse(key.Xml)).ToList();
        });

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var xml = element.ToString(SaveOptions.DisableFormatting);
        Run(async () =>
        {
            await EnsureMigratedAsync();
            await store.StoreDataProtectionKeyAsync(friendlyName ?? "", xml);
            return true;
        });
    }

    private async Task EnsureMigratedAsync()
    {
        if (!migrated)
        {
            await store.MigrateAsync();
            migrated = true;
        }
    }

    private static T Run<T>(Func<Task<T>> work) => Task.Run(work).GetAwaiter().GetResult();
}
