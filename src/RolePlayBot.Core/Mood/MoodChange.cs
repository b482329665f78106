namespace RolePlayBot.Core.Mood;

/// <summary>One explained movement of the mood: what caused it and by how much.</summary>
/// <param name="Cause">A checklist id, or one of <see cref="MoodCauses"/>.</param>
public sealed record MoodChange(string Cause, int Anger, int Patience);

public static class MoodCauses
{
    /// <summary>The customer was kept waiting past the persona's chase threshold.</summary>
    public const string Waiting = "waiting";
    /// <summary>Every turn costs a little patience; harder customers lose more.</summary>
    public const string TurnCost = "turn";
    /// <summary>A reply with nothing helpful in it: the unmet demand still stands.</summary>
    public const string NothingHelpful = "nothing_helpful";
    /// <summary>A hidden need was met this turn.</summary>
    public const string NeedMet = "need_met";
}
