namespace RolePlayBot.Bot.Conversations.State;

/// <summary>
/// One lock per conversation, in this process only. It spares the turns, invokes and chaser of one instance from
/// racing each other into version conflicts and reruns; correctness across instances comes from the store's version
/// check, not from this lock.
/// </summary>
/// <remarks>
/// A conversation's lock exists only while someone holds or awaits it, so memory follows the turns in progress, not
/// every conversation the process has ever seen (a class of thousands, for days).
/// </remarks>
public sealed class ConversationLocks
{
    private readonly Dictionary<string, Entry> _locks = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Conversations whose lock is held or awaited right now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _locks.Count;
            }
        }
    }

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken = default)
    {
        var entry = Rent(key);
        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Return(key, entry);
            throw;
        }

        return new Releaser(this, key, entry);
    }

    /// <summary>The lock if it is free now, else null (the chaser skips a conversation whose turn is in progress).</summary>
    public IDisposable? TryAcquire(string key)
    {
        var entry = Rent(key);
        if (entry.Semaphore.Wait(0))
        {
            return new Releaser(this, key, entry);
        }

        Return(key, entry);
        return null;
    }

    private Entry Rent(string key)
    {
        lock (_gate)
        {
            if (!_locks.TryGetValue(key, out var entry))
            {
                entry = new Entry();
                _locks[key] = entry;
            }

            entry.Users++;
            return entry;
        }
    }

    private void Return(string key, Entry entry)
    {
        lock (_gate)
        {
            if (--entry.Users == 0)
            {
                _locks.Remove(key);
            }
        }
    }

    /// <summary>The semaphore and how many hold or await it; guarded by <see cref="_gate"/>.</summary>
    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(ConversationLocks owner, string key, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Semaphore.Release();
                owner.Return(key, entry);
            }
        }
    }
}
