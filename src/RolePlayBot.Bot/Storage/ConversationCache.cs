using System.Collections.Concurrent;
using RolePlayBot.Bot.Conversations.State;

namespace RolePlayBot.Bot.Storage;

/// <summary>
/// The decoded state of recently active conversations, each with the stored version it is the state of, so a turn
/// skips reading and decoding its session again when nothing else has written it meanwhile (the turn's read still
/// asks the store for the version, so another instance's commit, or a chaser's, is never missed).
/// </summary>
/// <remarks>
/// A turn takes its conversation out (<see cref="TryTake"/>) and only a successful commit puts the state back
/// (<see cref="Put"/>): a turn that fails or loses a race half way through never leaves a half-changed state behind,
/// and two holders never share one object. At most <c>capacity</c> conversations are kept; the ones put back longest
/// ago go first.
/// </remarks>
public sealed class ConversationCache(int capacity)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Key, long Stamp)> _order = new();
    private long _stamp;

    public int Capacity { get; } = Math.Max(0, capacity);

    public int Count => _entries.Count;

    /// <summary>The state held for <paramref name="key"/> at <paramref name="version"/>, removed from the cache; null when none.</summary>
    public ConversationState? TryTake(string key, long version)
    {
        if (!_entries.TryRemove(key, out var entry))
        {
            return null;
        }

        return entry.Version == version ? entry.State : null;
    }

    /// <summary>
    /// The state held for <paramref name="key"/> and its version, left in the cache: for a reader that holds the
    /// conversation's lock (so no turn has it out) and changes nothing. Null when none is held.
    /// </summary>
    public (long Version, ConversationState State)? Peek(string key) =>
        _entries.TryGetValue(key, out var entry) ? (entry.Version, entry.State) : null;

    /// <summary>The version held for <paramref name="key"/>, or -1.</summary>
    public long VersionOf(string key) => _entries.TryGetValue(key, out var entry) ? entry.Version : -1;

    /// <summary>Keeps <paramref name="state"/> as the state at <paramref name="version"/> (after its commit held).</summary>
    public void Put(string key, long version, ConversationState state)
    {
        if (Capacity == 0)
        {
            return;
        }

        var stamp = Interlocked.Increment(ref _stamp);
        _entries[key] = new Entry(version, state, stamp);
        _order.Enqueue((key, stamp));
        while (_entries.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            // A key put back since has a newer stamp: its older place in the queue is stale.
            if (_entries.TryGetValue(oldest.Key, out var held) && held.Stamp == oldest.Stamp)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(oldest.Key, held));
            }
        }

        // Stale places (keys taken or put back again) would otherwise pile up in a busy, never-full cache.
        while (_order.Count > Capacity * 4 && _order.TryDequeue(out var stale))
        {
            if (_entries.TryGetValue(stale.Key, out var held) && held.Stamp == stale.Stamp)
            {
                _order.Enqueue(stale);
            }
        }
    }

    /// <summary>Forgets <paramref name="key"/> (its state changed in a way the cache did not see).</summary>
    public void Remove(string key) => _entries.TryRemove(key, out _);

    private sealed record Entry(long Version, ConversationState State, long Stamp);
}
