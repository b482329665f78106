using System.Data.Common;
using System.Text;

namespace RolePlayBot.Storage.Ado;

public abstract partial class AdoTrainingStore
{
    /// <summary>Enough for any trainee's history of one persona since an assignment.</summary>
    private const int MaxSessionsPerTrainee = 10_000;

    public async Task CreateAssignmentsAsync(IReadOnlyList<AssignmentRecord> assignments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        foreach (var a in assignments)
        {
            if (a.PassMark is < 0 or > 100)
            {
                throw new ArgumentException($"Assignment {a.Id}: the pass mark must be 0–100, not {a.PassMark}.", nameof(assignments));
            }
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        foreach (var a in assignments)
        {
            await using var insert = connection.Command(StoreSql.InsertAssignment, transaction)
                .With("id", a.Id).With("batch", a.BatchId).With("trainee", a.TraineeId).With("trainee_name", a.TraineeName)
                .With("persona", a.PersonaId).With("locale", a.PersonaLocale).With("pass_mark", a.PassMark)
                .With("due", ToDb(a.DueAt)).With("created", ToDb(a.CreatedAt)).With("created_by", a.CreatedBy)
                .With("cancelled", a.CancelledAt is { } c ? ToDb(c) : null);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Reads the assignments, then each trainee's sessions since their earliest assignment (one query per trainee),
    /// and derives the progress in <see cref="AssignmentProgress.Of"/> — the same rule the bot applies on a scorecard.
    /// </summary>
    public async Task<IReadOnlyList<AssignmentProgress>> AssignmentsAsync(AssignmentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        List<AssignmentRecord> assignments;
        await using (var connection = await OpenAsync(cancellationToken))
        {
            await using var command = connection.CreateCommand();

            // Only fixed fragments are appended; every value goes in a parameter.
            var sql = new StringBuilder($"SELECT {StoreSql.AssignmentColumns} FROM assignments WHERE 1 = 1");
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

            if (query.OpenOnly)
            {
                sql.Append(" AND cancelled_at IS NULL");
            }

            sql.Append(" ORDER BY due_at, trainee_id, persona_id, id");
            command.CommandText = sql.ToString();
            assignments = [.. await ReadAllAsync(command, ReadAssignment, cancellationToken)];
        }

        var progress = new List<AssignmentProgress>(assignments.Count);
        foreach (var trainee in assignments.GroupBy(a => a.TraineeId, StringComparer.Ordinal))
        {
            var since = trainee.Min(a => a.CreatedAt);
            var sessions = await SessionsAsync(new SessionQuery(TraineeId: trainee.Key, From: since, Limit: MaxSessionsPerTrainee), cancellationToken);
            progress.AddRange(trainee.Select(a => AssignmentProgress.Of(a, sessions)));
        }

        return progress
            .Where(p => !query.OpenOnly || p.IsOpen)
            .OrderBy(p => p.Assignment.DueAt).ThenBy(p => p.Assignment.TraineeId, StringComparer.Ordinal)
            .ThenBy(p => p.Assignment.PersonaId, StringComparer.Ordinal).ThenBy(p => p.Assignment.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<bool> CancelAssignmentAsync(string assignmentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(StoreSql.CancelAssignment).With("id", assignmentId).With("at", ToDb(Time.GetUtcNow()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private AssignmentRecord ReadAssignment(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetNullableString(5), r.GetInt32(6),
        ReadTime(r, 7), ReadTime(r, 8), r.GetString(9), r.IsDBNull(10) ? null : ReadTime(r, 10));
}
