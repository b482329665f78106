using System.Collections.Concurrent;

namespace RolePlayBot.Bot.Conversations.State;

/// <summary>
/// One lock per conversation, in this process only. It spares the turns, invokes and chaser of one instance from
/// racing each other into version conflicts and reruns; correctness across instances comes from the store's version
/// check, not from this lock.
/// </summary>
public sealed class ConversationLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken = default)
    {
        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    /// <summary>The lock if it is free now, else null (the chaser skips a conversation whose turn is in progress).</summary>
    public IDisposable? TryAcquire(string key)
    {
        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        return gate.Wait(0) ? new Releaser(gate) : null;
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
