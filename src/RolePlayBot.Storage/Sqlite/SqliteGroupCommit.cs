using System.Data.Common;
using System.Threading.Channels;

namespace RolePlayBot.Storage.Sqlite;

/// <summary>
/// Group commit for a SQLite file: the writes of concurrent turns (their commits and sent-marks) queue here, and one
/// writer runs whatever has queued in one transaction, each write inside a savepoint of its own. A write that fails
/// (a conflict, a duplicate activity, any error) is rolled back to its savepoint alone and reported to its caller; the
/// others commit together, and nobody hears of success before the transaction holds.
/// </summary>
/// <remarks>
/// SQLite has one writer at a time, so a class's turns queue for the write lock anyway. One transaction per turn
/// costs its lock, its commit record and the rewrite of every page it touched (the outbox, the handled ids, the
/// indexes); a group pays those once. Under light load a group is one write, committed at once: nothing waits to
/// fill a group. Waiting here is asynchronous, unlike waiting in SQLite's busy handler, which sleeps a thread.
/// The writer is a thread of its own: SQLite's calls block (its async methods run synchronously, and a checkpoint
/// waits for the disk), and on a thread-pool thread every such wait held back the turns and HTTP requests queued
/// behind it on a 2-core machine's two pool threads. It keeps one connection with its statements prepared
/// (<see cref="SqliteStatements"/>) for as long as writes go well, and writes all of a group's sent-marks in one
/// savepoint (<see cref="MarkAsync"/>). Whenever the writer runs out of work, a thread of its own copies the WAL back
/// (<see cref="CheckpointLoop"/>); SQLite's own checkpoint in the commit that fills a thousand pages stays, and bounds
/// the WAL under a load that never lets the writer rest (checkpoints beside a writer that never stops appending
/// never let the WAL start over: see SqliteTrainingStoreTests and BENCHMARKS.md).
/// </remarks>
internal sealed class SqliteGroupCommit(
    Func<CancellationToken, ValueTask<DbConnection>> open,
    Func<DbConnection, DbTransaction> begin) : IDisposable
{
    /// <summary>Writes in one transaction at most: a long group would hold back its first caller's answer.</summary>
    public const int MaxGroup = 64;

    /// <summary>The least time between two checkpoints of an idle writer: one copies what several groups wrote.</summary>
    public static readonly TimeSpan CheckpointPause = TimeSpan.FromMilliseconds(100);

    private const string Savepoint = "rpb_write";

    private readonly Channel<Write> queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock gate = new();
    // Neither needs disposing (no wait handle is ever asked of them), so a late Set from a thread that outlived
    // Dispose's joins cannot throw.
    private readonly SemaphoreSlim idle = new(0, 1);
    private Thread? writer;
    private Thread? checkpointer;
    private readonly ManualResetEventSlim stopped = new();
    private volatile bool stopping;

    // Used by the writer thread only (and by Dispose once it has stopped).
    private DbConnection? writerConnection;
    private SqliteStatements? writerStatements;

    /// <summary>Queues <paramref name="write"/>; completes when the group holding it has committed (or it failed).</summary>
    public Task<T> RunAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var queued = new Write<T>(write, cancellationToken);
        if (!queue.Writer.TryWrite(queued))
        {
            throw new ObjectDisposedException(nameof(SqliteTrainingStore));
        }

        EnsureWriter();
        return queued.Task;
    }

    /// <summary>
    /// Queues sent-marks: the marks of every turn in one group are written by one <paramref name="update"/> of all
    /// their ids (each turn's own write and savepoint cost the single writer as much as the mark itself).
    /// </summary>
    public Task MarkAsync(IReadOnlyCollection<long> ids, Func<DbConnection, DbTransaction, IReadOnlyCollection<long>, Task> update, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var queued = new Mark(ids, update, cancellationToken);
        if (!queue.Writer.TryWrite(queued))
        {
            throw new ObjectDisposedException(nameof(SqliteTrainingStore));
        }

        EnsureWriter();
        return queued.Task;
    }

    /// <summary>Stops taking writes; those queued still run.</summary>
    public void Dispose()
    {
        queue.Writer.TryComplete();
        Thread? running, checkpointing;
        lock (gate)
        {
            running = writer;
            checkpointing = checkpointer;
        }

        var writerStopped = running?.Join(TimeSpan.FromSeconds(10)) != false;
        stopping = true;
        stopped.Set();
        SignalIdle();
        checkpointing?.Join(TimeSpan.FromSeconds(10));

        if (writerStopped)
        {
            CloseWriterConnection();
        }
    }

    private void EnsureWriter()
    {
        if (Volatile.Read(ref writer) is not null)
        {
            return;
        }

        lock (gate)
        {
            if (writer is null)
            {
                var thread = new Thread(WriteLoop) { IsBackground = true, Name = "rpb-sqlite-writer" };
                var copier = new Thread(CheckpointLoop) { IsBackground = true, Name = "rpb-sqlite-checkpoint" };
                thread.Start();
                copier.Start();
                writer = thread;
                checkpointer = copier;
            }
        }
    }

    private void WriteLoop()
    {
        var group = new List<Write>(MaxGroup);
        while (queue.Reader.TryPeek(out _) || queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            group.Clear();
            while (group.Count < MaxGroup && queue.Reader.TryRead(out var write))
            {
                if (write.CancellationToken.IsCancellationRequested)
                {
                    write.Fail(new OperationCanceledException(write.CancellationToken));
                }
                else
                {
                    group.Add(write);
                }
            }

            if (group.Count > 0)
            {
                // The SQLite provider completes its async calls synchronously: this runs on the writer thread.
                CommitGroupAsync(group).GetAwaiter().GetResult();
                if (!queue.Reader.TryPeek(out _))
                {
                    SignalIdle();
                }
            }
        }
    }

    private void SignalIdle()
    {
        try
        {
            if (idle.CurrentCount == 0)
            {
                idle.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Signalled already.
        }
    }

    /// <summary>
    /// Copies the WAL back into the database file while the writer has nothing queued, at most every
    /// <see cref="CheckpointPause"/>. A PASSIVE checkpoint blocks neither the writer nor the readers, so a turn that
    /// comes meanwhile is written at once; once everything is copied the next write starts the WAL over, and SQLite's
    /// own checkpoint in the commit that fills a thousand pages (with its two fsyncs, which held every turn queued
    /// behind it) is not reached. Under a load that never lets the writer rest it still is: it stays the bound.
    /// </summary>
    private void CheckpointLoop()
    {
        DbConnection? connection = null;
        try
        {
            while (true)
            {
                idle.Wait();
                if (stopping)
                {
                    return;
                }

                try
                {
                    connection ??= open(CancellationToken.None).AsTask().GetAwaiter().GetResult();
                    using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                    checkpoint.ExecuteNonQuery();
                }
                catch (Exception e) when (e is DbException or InvalidOperationException or IOException)
                {
                    // Another checkpoint was running, or the file is going away: the next pause tries again.
                    connection?.Dispose();
                    connection = null;
                }

                if (stopped.Wait(CheckpointPause))
                {
                    return;
                }
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    /// <summary>
    /// The writer's own connection, open for as long as writes go well, with its statements kept prepared
    /// (<see cref="SqliteStatements"/>): the writes of every group are the same few statements.
    /// </summary>
    private async Task<DbConnection> WriterConnectionAsync()
    {
        if (writerConnection is null)
        {
            var connection = await open(CancellationToken.None);
            writerStatements = SqliteStatements.Keep((Microsoft.Data.Sqlite.SqliteConnection)connection);
            writerConnection = connection;
        }

        return writerConnection;
    }

    private void CloseWriterConnection()
    {
        writerStatements?.Dispose();
        writerStatements = null;
        writerConnection?.Dispose();
        writerConnection = null;
    }

    /// <summary>Never throws: every write of the group is completed one way or the other.</summary>
    private async Task CommitGroupAsync(List<Write> group)
    {
        try
        {
            var connection = await WriterConnectionAsync();
            await using var transaction = begin(connection);
            if (group is [{ } only])
            {
                // Alone in its group (a class at a steady pace), a write needs no savepoint: should it fail, the whole
                // transaction is rolled back, which undoes exactly that write. A savepoint first copies every page the
                // write touches into a statement journal (past 64 KiB a temporary file, created and deleted each time).
                try
                {
                    await only.RunAsync(connection, transaction);
                }
                catch (Exception e)
                {
                    only.Error = e;
                    await transaction.RollbackAsync();
                    only.Fail(e);
                    return;
                }

                await transaction.CommitAsync();
                only.Complete();
                return;
            }

            await MarkAllAsync(group, connection, transaction);
            foreach (var write in group)
            {
                if (write is Mark)
                {
                    continue;
                }

                await transaction.SaveAsync(Savepoint);
                try
                {
                    await write.RunAsync(connection, transaction);
                }
                catch (Exception e)
                {
                    write.Error = e;
                    // Undo only this write. Should SQLite have rolled the whole transaction back (disk full, I/O
                    // error), this throws and the whole group fails below, which is then the truth.
                    await transaction.RollbackAsync(Savepoint);
                }

                await transaction.ReleaseAsync(Savepoint);
            }

            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            // The connection may be in any state now: the next group opens a fresh one.
            CloseWriterConnection();
            foreach (var write in group)
            {
                write.Fail(write.Error ?? e);
            }

            return;
        }

        foreach (var write in group)
        {
            write.Complete();
        }
    }

    /// <summary>The group's sent-marks in one statement and one savepoint; on failure every mark of the group fails.</summary>
    private static async Task MarkAllAsync(List<Write> group, DbConnection connection, DbTransaction transaction)
    {
        List<Mark>? marks = null;
        foreach (var write in group)
        {
            if (write is Mark mark)
            {
                (marks ??= []).Add(mark);
            }
        }

        if (marks is null)
        {
            return;
        }

        await transaction.SaveAsync(Savepoint);
        try
        {
            await marks[0].Update(connection, transaction, [.. marks.SelectMany(m => m.Ids).Distinct()]);
        }
        catch (Exception e)
        {
            marks.ForEach(m => m.Error = e);
            await transaction.RollbackAsync(Savepoint);
        }

        await transaction.ReleaseAsync(Savepoint);
    }

    private abstract class Write(CancellationToken cancellationToken)
    {
        public CancellationToken CancellationToken { get; } = cancellationToken;

        /// <summary>This write's own failure, rolled back to its savepoint.</summary>
        public Exception? Error { get; set; }

        public abstract Task RunAsync(DbConnection connection, DbTransaction transaction);

        /// <summary>The group committed: this write's result, or its own failure.</summary>
        public abstract void Complete();

        public abstract void Fail(Exception error);
    }

    private sealed class Mark(IReadOnlyCollection<long> ids, Func<DbConnection, DbTransaction, IReadOnlyCollection<long>, Task> update, CancellationToken cancellationToken)
        : Write(cancellationToken)
    {
        private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyCollection<long> Ids { get; } = ids;

        public Func<DbConnection, DbTransaction, IReadOnlyCollection<long>, Task> Update { get; } = update;

        public Task Task => completion.Task;

        public override Task RunAsync(DbConnection connection, DbTransaction transaction) => Update(connection, transaction, Ids);

        public override void Complete()
        {
            if (Error is null)
            {
                completion.TrySetResult();
            }
            else
            {
                Fail(Error);
            }
        }

        public override void Fail(Exception error)
        {
            if (error is OperationCanceledException canceled)
            {
                completion.TrySetCanceled(canceled.CancellationToken);
            }
            else
            {
                completion.TrySetException(error);
            }
        }
    }

    private sealed class Write<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
        : Write(cancellationToken)
    {
        private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? result;

        public Task<T> Task => completion.Task;

        public override async Task RunAsync(DbConnection connection, DbTransaction transaction) =>
            result = await write(connection, transaction, CancellationToken);

        public override void Complete()
        {
            if (Error is null)
            {
                completion.TrySetResult(result!);
            }
            else
            {
                Fail(Error);
            }
        }

        public override void Fail(Exception error)
        {
            if (error is OperationCanceledException canceled)
            {
                completion.TrySetCanceled(canceled.CancellationToken);
            }
            else
            {
                completion.TrySetException(error);
            }
        }
    }
}
