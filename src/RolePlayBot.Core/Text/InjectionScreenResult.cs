namespace RolePlayBot.Core.Text;

/// <summary>One part of a trainee reply that looks like an attempt to instruct the judge.</summary>
/// <param name="Kind">What matched: override, role_play, system_prompt, score_request, fake_result, json, code_block, role_tag, hidden_text, base64; several joined with "+" when their text overlaps.</param>
/// <param name="Text">The removed text (for hidden text: what the invisible characters spelled, when they spelled anything).</param>
public sealed record InjectionSegment(string Kind, string Text);

/// <summary>The pre-screen's verdict on one reply.</summary>
/// <param name="Segments">Suspicious segments, in reply order; empty when the reply looks clean.</param>
/// <param name="CleanedText">The reply with invisible characters and every flagged segment removed.</param>
public sealed record InjectionScreenResult(IReadOnlyList<InjectionSegment> Segments, string CleanedText)
{
    public bool Flagged => Segments.Count > 0;
}
