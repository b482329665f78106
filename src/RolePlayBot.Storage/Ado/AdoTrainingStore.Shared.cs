namespace RolePlayBot.Storage.Ado;

public abstract partial class AdoTrainingStore
{
    /// <summary>How many uses of nonces go by between two deletions of the expired ones (the first use deletes too).</summary>
    internal const int NoncePruneInterval = 100;

    private long nonceUses;

    public async Task<IReadOnlyList<DataProtectionKeyRecord>> DataProtectionKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(StoreSql.DataProtectionKeys);
        return await ReadAllAsync(command, r => new DataProtectionKeyRecord(r.GetString(0), r.GetString(1)), cancellationToken);
    }

    public async Task StoreDataProtectionKeyAsync(string name, string xml, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrEmpty(xml);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(StoreSql.StoreDataProtectionKey)
            .With("name", name).With("xml", xml).With("at", ToDb(Time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// One statement decides (the primary key settles racing instances); expired rows are deleted on this instance's
    /// first use and every <see cref="NoncePruneInterval"/>th after, which keeps the table at about the links of one lifetime.
    /// </summary>
    public async Task<bool> TryUseOnceAsync(string nonce, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        var now = ToDb(Time.GetUtcNow());
        await using var connection = await OpenAsync(cancellationToken);
        if (Interlocked.Increment(ref nonceUses) % NoncePruneInterval == 1)
        {
            await using var prune = connection.Command(StoreSql.DeleteExpiredNonces).With("now", now);
            await prune.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var use = connection.Command(StoreSql.UseNonce).With("nonce", nonce).With("expires", ToDb(expiresAt)).With("now", now);
        return await use.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> IsUsedAsync(string nonce, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(StoreSql.IsNonceUsed).With("nonce", nonce).With("now", ToDb(Time.GetUtcNow()));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Rows in <c>used_nonces</c>, expired or not, for tests.</summary>
    internal async Task<long> UsedNonceRowsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT COUNT(*) FROM used_nonces");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
