using System.Data.Common;
using System.Text;

namespace RolePlayBot.Storage.Ado;

public abstract partial class AdoTrainingStore
{
    public async Task<IReadOnlyList<OutboxItem>> PendingOutboxAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(StoreSql.PendingOutbox).With("max", max);
        return await ReadAllAsync(command, r => new OutboxItem(
            r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), ReadTime(r, 4)), cancellationToken);
    }

    public Task MarkSentAsync(long outboxId, CancellationToken cancellationToken = default) =>
        MarkSentAsync([outboxId], cancellationToken);

    public async Task MarkSentAsync(IReadOnlyCollection<long> outboxIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outboxIds);
        if (outboxIds.Count == 0)
        {
            return;
        }

        await RunMarkSentAsync(outboxIds, ToDb(Time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Writes one set of sent-marks; a store may merge concurrent ones (SQLite's group commit does).</summary>
    private protected virtual Task RunMarkSentAsync(IReadOnlyCollection<long> outboxIds, object sentAt, CancellationToken cancellationToken) =>
        RunWriteAsync(async (connection, transaction, token) =>
        {
            await using var command = MarkSentCommand(connection, transaction, outboxIds, sentAt);
            return await command.ExecuteNonQueryAsync(token);
        }, single: true, cancellationToken);

    private protected static DbCommand MarkSentCommand(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<long> outboxIds, object sentAt)
    {
        if (outboxIds.Count == 1)
        {
            return connection.Command(StoreSql.MarkSent, transaction).With("id", outboxIds.First()).With("at", sentAt);
        }

        var names = outboxIds.Select((_, i) => "@id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var command = connection.Command($"UPDATE outbox SET sent_at = @at WHERE sent_at IS NULL AND id IN ({string.Join(", ", names)})", transaction)
            .With("at", sentAt);
        var i = 0;
        foreach (var id in outboxIds)
        {
            command.With("id" + (i++).ToString(System.Globalization.CultureInfo.InvariantCulture), id);
        }

        return command;
    }

    public async Task<IReadOnlyList<RunningConversation>> RunningConversationsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(StoreSql.RunningConversations);
        return await ReadAllAsync(command, r => new RunningConversation(r.GetString(0), r.GetInt64(1)), cancellationToken);
    }

    public async Task<IReadOnlyList<TraineeSummary>> TraineesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(StoreSql.Trainees);
        return await ReadAllAsync(command, r => new TraineeSummary(
            r.GetString(0), r.GetString(1), checked((int)r.GetInt64(2)), ReadTime(r, 3)), cancellationToken);
    }

    /// <summary>Newest first; <see cref="SessionQuery.From"/> is inclusive and <see cref="SessionQuery.To"/> exclusive.</summary>
    public async Task<IReadOnlyList<SessionRecord>> SessionsAsync(SessionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // Only fixed fragments are appended; every value goes in a parameter.
        var sql = new StringBuilder($"SELECT {StoreSql.SessionColumns} FROM sessions WHERE 1 = 1");
        if (query.TraineeId is not null)
        {
            sql.Append(" AND trainee_id = @trainee");
            command.With("trainee", query.TraineeId);
        }

        if (query.PersonaId is not null)
        {
            sql.Append(" AND persona_id = @persona");
            command.With("persona", query.PersonaId);
        }

        if (query.From is { } from)
        {
            sql.Append(" AND started_at >= @from");
            command.With("from", ToDb(from));
        }

        if (query.To is { } to)
        {
            sql.Append(" AND started_at < @to");
            command.With("to", ToDb(to));
        }

        sql.Append(" ORDER BY started_at DESC, id DESC LIMIT @limit");
        command.With("limit", query.Limit);
        command.CommandText = sql.ToString();
        return await ReadAllAsync(command, ReadSession, cancellationToken);
    }

    public async Task<SessionRecord?> SessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(StoreSql.Session).With("id", sessionId);
        var sessions = await ReadAllAsync(command, ReadSession, cancellationToken);
        return sessions.Count == 0 ? null : sessions[0];
    }

    public async Task<IReadOnlyList<TurnRecord>> TurnsAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(StoreSql.Turns).With("session", sessionId);
        return await ReadAllAsync(command, ReadTurn, cancellationToken);
    }

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader));
        }

        return items;
    }

    private SessionRecord ReadSession(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
        r.GetString(7), r.GetString(8), ReadTime(r, 9), r.IsDBNull(10) ? null : ReadTime(r, 10), r.GetString(11),
        r.GetInt32(12), r.GetNullableInt32(13), r.GetNullableInt32(14), r.GetNullableInt32(15), r.GetNullableInt32(16),
        r.GetNullableString(17));

    private TurnRecord ReadTurn(DbDataReader r) => new(
        r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), ReadTime(r, 4), ReadTime(r, 5), r.GetDouble(6),
        r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10), r.GetString(11), r.GetInt32(12), r.GetInt32(13),
        r.GetInt32(14), r.GetString(15), r.GetNullableString(16), r.GetNullableString(17), r.GetNullableString(18),
        r.GetNullableString(19));
}
