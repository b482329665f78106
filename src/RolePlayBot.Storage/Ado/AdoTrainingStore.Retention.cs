namespace RolePlayBot.Storage.Ado;

public abstract partial class AdoTrainingStore
{
    /// <summary>Rows per delete: each is one short write (on SQLite, one savepoint among a group of turns).</summary>
    internal const int PruneChunk = 500;

    public async Task<PrunedRows> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        var before = ToDb(olderThan);
        var sent = await DeleteInChunksAsync(StoreSql.PruneOutbox, before, cancellationToken);
        var handled = await DeleteInChunksAsync(StoreSql.PruneProcessed, before, cancellationToken);
        return new PrunedRows(sent, handled);
    }

    private async Task<long> DeleteInChunksAsync(string sql, object before, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            var deleted = await RunWriteAsync(async (connection, transaction, token) =>
            {
                await using var delete = connection.Command(sql, transaction).With("before", before).With("max", PruneChunk);
                return await delete.ExecuteNonQueryAsync(token);
            }, single: true, cancellationToken);
            total += deleted;
            if (deleted < PruneChunk)
            {
                return total;
            }
        }
    }
}
