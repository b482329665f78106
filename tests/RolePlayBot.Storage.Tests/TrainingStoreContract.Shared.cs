namespace RolePlayBot.Storage.Tests;

public abstract partial class TrainingStoreContract
{
    private const string KeyXml = """<key id="5e0a2f4c-0000-4000-8000-000000000001" version="1"><creationDate>2026-11-22T08:00:00Z</creationDate></key>""";

    [Fact]
    public async Task Data_protection_keys_stored_by_one_instance_are_listed_by_another_in_order()
    {
        var first = await MigratedStoreAsync();
        var second = await MigratedStoreAsync();
        Assert.Empty(await second.DataProtectionKeysAsync());

        await first.StoreDataProtectionKeyAsync("key-1", KeyXml);
        await second.StoreDataProtectionKeyAsync("revocation-1", "<revocation version=\"1\">你好</revocation>");
        await first.StoreDataProtectionKeyAsync("revocation-1", "<revocation version=\"1\">again</revocation>");

        Assert.Equal(
            [new("key-1", KeyXml), new("revocation-1", "<revocation version=\"1\">你好</revocation>"), new("revocation-1", "<revocation version=\"1\">again</revocation>")],
            await second.DataProtectionKeysAsync());
    }

    [Fact]
    public async Task A_nonce_is_used_once_across_instances()
    {
        var first = await MigratedStoreAsync();
        var second = await MigratedStoreAsync();
        var expires = DateTimeOffset.UtcNow.AddMinutes(10);
        Assert.False(await second.IsUsedAsync("n1"));

        Assert.True(await first.TryUseOnceAsync("n1", expires));

        Assert.False(await second.TryUseOnceAsync("n1", expires));
        Assert.False(await first.TryUseOnceAsync("n1", expires.AddHours(1)));
        Assert.True(await second.IsUsedAsync("n1"));
        Assert.True(await second.TryUseOnceAsync("n2", expires));
    }

    [Fact]
    public async Task Of_many_tasks_using_one_nonce_at_once_exactly_one_succeeds()
    {
        var instances = new[] { await MigratedStoreAsync(), await MigratedStoreAsync() };
        var expires = DateTimeOffset.UtcNow.AddMinutes(10);

        var attempts = Enumerable.Range(0, Writers)
            .Select(i => Task.Run(() => instances[i % instances.Length].TryUseOnceAsync("racy", expires)))
            .ToList();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, used => used);
        Assert.True(await instances[0].IsUsedAsync("racy"));
    }

    [Fact]
    public async Task An_expired_nonce_is_forgotten_and_its_row_deleted()
    {
        var store = await MigratedStoreAsync();
        var past = DateTimeOffset.UtcNow.AddMinutes(-1);
        Assert.True(await store.TryUseOnceAsync("old", past));
        Assert.True(await store.TryUseOnceAsync("older", past));

        // Past its expiry a nonce is no longer remembered: a check says unused and a use succeeds again.
        Assert.False(await store.IsUsedAsync("old"));
        Assert.True(await store.TryUseOnceAsync("old", DateTimeOffset.UtcNow.AddMinutes(10)));

        // A fresh instance deletes the expired rows on its first use.
        var restarted = await MigratedStoreAsync();
        Assert.True(await restarted.TryUseOnceAsync("new", DateTimeOffset.UtcNow.AddMinutes(10)));
        Assert.Equal(2, await restarted.UsedNonceRowsAsync());
    }
}
