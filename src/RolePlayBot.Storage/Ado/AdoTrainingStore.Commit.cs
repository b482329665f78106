using System.Data.Common;

namespace RolePlayBot.Storage.Ado;

public abstract partial class AdoTrainingStore
{
    /// <summary>
    /// Claims the activity, moves the conversation from the expected version to the next, upserts the session and
    /// inserts the turns and outbox rows, all in one transaction; any failure rolls all of it back (the transaction
    /// is disposed uncommitted). The claim comes first so a redelivery reports a duplicate even when it is also stale.
    /// </summary>
    public async Task<long> CommitAsync(ConversationCommit commit, CancellationToken cancellationToken = default) =>
        (await CommitTurnAsync(commit, cancellationToken)).Version;

    /// <inheritdoc cref="CommitAsync"/>
    public async Task<CommittedTurn> CommitTurnAsync(ConversationCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentOutOfRangeException.ThrowIfNegative(commit.ExpectedVersion);
        return await RunWriteAsync((connection, transaction, token) => WriteTurnAsync(connection, transaction!, commit, token), single: false, cancellationToken);
    }

    private async Task<CommittedTurn> WriteTurnAsync(
        DbConnection connection, DbTransaction transaction, ConversationCommit commit, CancellationToken cancellationToken)
    {
        var at = ToDb(commit.At);
        if (commit.ActivityId is not null)
        {
            await using var claim = connection.Command(StoreSql.ClaimActivity, transaction)
                .With("key", commit.ConversationKey).With("activity", commit.ActivityId).With("at", at);
            try
            {
                await claim.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException e) when (IsUniqueViolation(e))
            {
                throw new DuplicateActivityException(commit.ConversationKey, commit.ActivityId);
            }
        }

        await WriteConversationAsync(connection, transaction, commit, at, cancellationToken);

        if (commit.Session is { } session)
        {
            await using var upsert = SessionCommand(connection, transaction, session);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var turn in commit.NewTurns)
        {
            await using var insert = TurnCommand(connection, transaction, turn);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var ids = new List<long>(commit.Outbox.Count);
        foreach (var draft in commit.Outbox)
        {
            await using var insert = connection.Command(StoreSql.InsertOutbox, transaction)
                .With("key", commit.ConversationKey).With("reference", draft.ReferenceJson)
                .With("activity", draft.ActivityJson).With("at", at);
            ids.Add(Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture));
        }

        return new CommittedTurn(commit.ExpectedVersion + 1, ids);
    }

    private async Task WriteConversationAsync(
        DbConnection connection, DbTransaction transaction, ConversationCommit commit, object at, CancellationToken cancellationToken)
    {
        var runningApart = commit.ExpectedVersion != 0 && SetsRunningApart;
        var sql = commit.ExpectedVersion == 0 ? StoreSql.InsertConversation
            : runningApart ? StoreSql.UpdateConversationState
            : StoreSql.UpdateConversation;
        await using var write = connection.Command(sql, transaction)
            .With("key", commit.ConversationKey).With("state", commit.StateJson).With("at", at);
        if (!runningApart)
        {
            write.With("running", commit.Running);
        }

        if (commit.ExpectedVersion != 0)
        {
            write.With("expected", commit.ExpectedVersion);
        }

        int rows;
        try
        {
            rows = await write.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException e) when (commit.ExpectedVersion == 0 && IsUniqueViolation(e))
        {
            rows = 0;
        }

        if (rows != 1)
        {
            throw new ConcurrencyConflictException(commit.ConversationKey, commit.ExpectedVersion);
        }

        if (runningApart)
        {
            await using var running = connection.Command(StoreSql.SetRunning, transaction)
                .With("key", commit.ConversationKey).With("running", commit.Running);
            await running.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// True where an UPDATE rewrites the index entries of every column it sets, changed or not (SQLite): the
    /// conversation's <c>running</c> flag, under a partial index, is then set by a statement of its own, only when it
    /// changes. PostgreSQL skips unchanged index entries itself, and a second statement would be a round trip more.
    /// </summary>
    private protected virtual bool SetsRunningApart => false;

    private DbCommand SessionCommand(DbConnection connection, DbTransaction transaction, SessionRecord s) =>
        connection.Command(StoreSql.UpsertSession, transaction)
            .With("id", s.Id).With("key", s.ConversationKey).With("trainee", s.TraineeId).With("trainee_name", s.TraineeName)
            .With("persona", s.PersonaId).With("locale", s.PersonaLocale).With("persona_version", s.PersonaVersion)
            .With("engine", s.Engine).With("mode", s.Mode).With("started", ToDb(s.StartedAt))
            .With("ended", s.EndedAt is { } ended ? ToDb(ended) : null).With("outcome", s.Outcome).With("turn_count", s.TurnCount)
            .With("speed", s.Speed).With("detail", s.Detail).With("emotion", s.Emotion).With("overall", s.Overall)
            .With("scorecard", s.ScorecardJson);

    private DbCommand TurnCommand(DbConnection connection, DbTransaction transaction, TurnRecord t) =>
        connection.Command(StoreSql.InsertTurn, transaction)
            .With("session", t.SessionId).With("idx", t.Index).With("customer_text", t.CustomerText).With("trainee_text", t.TraineeText)
            .With("customer_at", ToDb(t.CustomerAt)).With("replied_at", ToDb(t.RepliedAt)).With("reply_seconds", t.ReplySeconds)
            .With("anger_before", t.AngerBefore).With("patience_before", t.PatienceBefore)
            .With("anger_after", t.AngerAfter).With("patience_after", t.PatienceAfter).With("observations", t.ObservationsJson)
            .With("speed", t.Speed).With("detail", t.Detail).With("emotion", t.Emotion).With("critique", t.Critique)
            .With("suggested", t.SuggestedReply).With("customer_reply", t.CustomerReply).With("customer_source", t.CustomerSource)
            .With("judge_source", t.JudgeSource);
}
