namespace RolePlayBot.Core.Text;

/// <summary>A half-open range [Start, End) of characters.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int index) => index >= Start && index < End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;
}
