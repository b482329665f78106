using System.Collections.Concurrent;

namespace RolePlayBot.Core.Text;

/// <summary>
/// One shared instance per distinct text, for texts that repeat call after call (a persona's rendered instructions):
/// the caller's fresh copy dies young and the long-lived one is shared. At most <c>capacity</c> texts are kept; past
/// that the memory starts again, so an unbounded stream of distinct texts costs nothing but the lookups.
/// </summary>
public sealed class CanonicalTexts(int capacity)
{
    /// <summary>Enough for every persona in a few languages, for both prompts.</summary>
    public const int DefaultCapacity = 512;

    private readonly ConcurrentDictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <summary>How many texts are kept now.</summary>
    public int Count => _texts.Count;

    /// <summary>The kept instance equal to <paramref name="text"/>, or <paramref name="text"/> itself (then kept).</summary>
    public string Canonical(string text)
    {
        if (_texts.TryGetValue(text, out var kept))
        {
            return kept;
        }

        if (_texts.Count >= capacity)
        {
            _texts.Clear();
        }

        return _texts.GetOrAdd(text, text);
    }
}
