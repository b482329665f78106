namespace RolePlayBot.Llm.Privacy;

/// <summary>Where a private detail sits in a text.</summary>
public readonly record struct PiiSpan(PiiKind Kind, int Start, int Length)
{
    public int End => Start + Length;

    public bool Overlaps(PiiSpan other) => Start < other.End && other.Start < End;
}
