using System.Text.RegularExpressions;
using RolePlayBot.Core.Text;

namespace RolePlayBot.Core.Evaluation;

/// <summary>Runs the compiled detectors over one normalised reply: at most one hit per checklist item.</summary>
internal static class RuleMatcher
{
    /// <summary>Fills <paramref name="hits"/> (one slot per item) and returns any diagnostics.</summary>
    public static List<string>? Match(CompiledChecklist compiled, NormalizedText text, RuleHit?[] hits)
    {
        List<string>? diagnostics = null;
        foreach (var detector in compiled.For(ReplyLanguage(text.Text)))
        {
            if (hits[detector.ItemIndex] is not null)
            {
                continue;
            }

            try
            {
                hits[detector.ItemIndex] = detector.FindHit(text);
            }
            catch (RegexMatchTimeoutException)
            {
                (diagnostics ??= []).Add($"rule '{compiled.Checklist.Items[detector.ItemIndex].Id}/{detector.Name}' timed out and was skipped");
            }
        }

        CrossItemRules.Apply(compiled, hits, text.Text);
        return diagnostics;
    }

    /// <summary>
    /// The reply's own language picks the detectors (a trainee in a Chinese session may still type "ok"):
    /// any Chinese character means the Chinese set, otherwise the English one.
    /// </summary>
    public static string ReplyLanguage(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF')
            {
                return Locales.Chinese;
            }
        }

        return Locales.English;
    }
}
