using System.Text;
using System.Text.RegularExpressions;

namespace RolePlayBot.Llm.Privacy;

/// <summary>
/// One model call's placeholders: each distinct detail gets its own numbered placeholder (<c>[MOBILE_1]</c>), the same
/// detail the same one wherever it appears in the call, and the model's answer gets the exact original text back, so
/// the trainee reads a coherent reply and a judge's quote is still an exact substring of what they typed.
/// </summary>
public sealed partial class PiiVault(PiiDetector detector)
{
    /// <summary>The longest placeholder text, e.g. "[ID_CARD_99999]"; a stream holds back an unfinished "[…" up to this long.</summary>
    public const int MaxPlaceholderLength = 16;

    private readonly Dictionary<string, string> _byOriginal = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byPlaceholder = new(StringComparer.Ordinal);
    private readonly Dictionary<PiiKind, int> _counts = [];
    private readonly HashSet<string> _reserved = new(StringComparer.Ordinal);

    /// <summary>True once anything was masked.</summary>
    public bool Any => _byPlaceholder.Count > 0;

    /// <summary>
    /// Placeholder-shaped text already in the input (a trainee may type "[MOBILE_1]") is never handed out, so restoring
    /// the answer cannot turn the trainee's own words into someone's number.
    /// </summary>
    public void Reserve(string text)
    {
        foreach (Match match in Placeholder().Matches(text))
        {
            _reserved.Add(match.Value);
        }
    }

    public string Mask(string text)
    {
        var spans = detector.Find(text);
        if (spans.Count == 0)
        {
            return text;
        }

        var masked = new StringBuilder(text.Length);
        var at = 0;
        foreach (var span in spans)
        {
            masked.Append(text, at, span.Start - at).Append(PlaceholderFor(span.Kind, text.Substring(span.Start, span.Length)));
            at = span.End;
        }

        return masked.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>The text with every placeholder of this call replaced by what it stands for; unknown ones are left.</summary>
    public string Unmask(string text) =>
        !Any || text.IndexOf('[', StringComparison.Ordinal) < 0
            ? text
            : Placeholder().Replace(text, m => _byPlaceholder.GetValueOrDefault(m.Value) ?? m.Value);

    private string PlaceholderFor(PiiKind kind, string original)
    {
        if (_byOriginal.TryGetValue(original, out var existing))
        {
            return existing;
        }

        string placeholder;
        do
        {
            var next = _counts.GetValueOrDefault(kind) + 1;
            _counts[kind] = next;
            placeholder = $"[{kind.Label}_{next}]";
        }
        while (_reserved.Contains(placeholder));

        _byOriginal[original] = placeholder;
        _byPlaceholder[placeholder] = original;
        return placeholder;
    }

    [GeneratedRegex(@"\[(?:MOBILE|PHONE|EMAIL|ADDRESS|ORDER|ID_CARD)_\d{1,9}\]")]
    private static partial Regex Placeholder();
}
