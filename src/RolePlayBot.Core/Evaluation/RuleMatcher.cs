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
        var (primary, secondary) = Languages(text.Text);
        foreach (var detector in compiled.For(primary))
        {
            Run(detector);
        }

        if (secondary is not null)
        {
            // A reply in two languages ("Sorry 亲，让您久等了"; "I'll refund you today, 真的很抱歉"): the other language's
            // phrases earn their credit too. Only phrases: its anti-patterns and its rules on the reply's shape would
            // read a fragment as the whole ("check" alone is not a cold reply), and an apology's "unless it denies the
            // blame" cannot see a denial written in the other language, so it is not trusted beside one.
            var denied = AnyAntiPattern(compiled, hits);
            foreach (var detector in compiled.For(secondary))
            {
                if (!detector.BothLanguages && !detector.ReadsWholeReply && !compiled.Checklist.Items[detector.ItemIndex].IsAntiPattern
                    && !(denied && detector.Unless is not null))
                {
                    Run(detector);
                }
            }
        }

        CrossItemRules.Apply(compiled, hits, text.Text);
        return diagnostics;

        void Run(CompiledDetector detector)
        {
            if (hits[detector.ItemIndex] is not null)
            {
                return;
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
    }

    /// <summary>
    /// The reply's own languages pick the detectors (a trainee in a Chinese session may still type "ok"): the one it
    /// is mostly written in, and the other when it has some of that too. An English word weighs two Chinese
    /// characters; a token with digits (SF1234567890) is no word.
    /// </summary>
    public static (string Primary, string? Secondary) Languages(string text)
    {
        var chinese = 0;
        var words = 0;
        var letters = 0;
        var digits = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetter(c))
            {
                letters++;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                digits = true;
                continue;
            }

            words += letters >= 2 && !digits ? 1 : 0;
            (letters, digits) = (0, false);
            if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF')
            {
                chinese++;
            }
        }

        words += letters >= 2 && !digits ? 1 : 0;
        if (chinese == 0)
        {
            return (Locales.English, null);
        }

        return chinese >= 2 * words
            ? (Locales.Chinese, words > 0 ? Locales.English : null)
            : (Locales.English, Locales.Chinese);
    }

    private static bool AnyAntiPattern(CompiledChecklist compiled, RuleHit?[] hits)
    {
        for (var i = 0; i < hits.Length; i++)
        {
            if (hits[i] is not null && compiled.Checklist.Items[i].IsAntiPattern)
            {
                return true;
            }
        }

        return false;
    }
}
