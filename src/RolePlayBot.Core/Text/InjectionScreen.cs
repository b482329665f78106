using System.Text;
using System.Text.RegularExpressions;

namespace RolePlayBot.Core.Text;

/// <summary>
/// Deterministic pre-screen (zh + en) run before a model ever sees a trainee reply. Trainees are graded by
/// what they write, so some will write to the grader; this finds those parts, and the judge grades the reply
/// without them and is capped at the rule engine's verdict.
/// </summary>
public static partial class InjectionScreen
{
    private static readonly (string Kind, Regex Pattern)[] Patterns =
    [
        ("override", Override()),
        ("role_play", RolePlay()),
        ("system_prompt", SystemPrompt()),
        ("score_request", ScoreRequest()),
        ("fake_result", FakeResult()),
        ("json", Json()),
        ("code_block", CodeBlock()),
        ("role_tag", RoleTag()),
        ("base64", Base64()),
    ];

    public static InjectionScreenResult Screen(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var segments = new List<InjectionSegment>();
        var visible = StripInvisible(reply, out var hidden);
        if (hidden is not null)
        {
            segments.Add(new InjectionSegment("hidden_text", hidden));
        }

        var spans = new List<(int Start, int End, string Kind)>();
        foreach (var (kind, pattern) in Patterns)
        {
            foreach (Match match in pattern.Matches(visible))
            {
                if (kind == "base64" && !LooksEncoded(match.Value))
                {
                    continue;
                }
                var (start, end) = ExpandToSentence(visible, match.Index, match.Index + match.Length);
                spans.Add((start, end, kind));
            }
        }

        var cleaned = new StringBuilder();
        var cursor = 0;
        foreach (var span in Merge(spans))
        {
            cleaned.Append(visible, cursor, span.Start - cursor);
            segments.Add(new InjectionSegment(span.Kind, visible[span.Start..span.End].Trim()));
            cursor = span.End;
        }
        cleaned.Append(visible, cursor, visible.Length - cursor);
        return new InjectionScreenResult(segments, cleaned.ToString().Trim());
    }

    /// <summary>
    /// Removes zero-width, bidi and Unicode tag characters. Hidden text is flagged; a zero-width joiner between
    /// two emoji is ordinary emoji spelling and is kept quietly.
    /// </summary>
    private static string StripInvisible(string text, out string? hidden)
    {
        var kept = new StringBuilder(text.Length);
        var smuggled = new StringBuilder();
        var found = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && char.ConvertToUtf32(c, text[i + 1]) is >= 0xE0000 and <= 0xE007F and var tag)
            {
                // Unicode "tag" characters spell invisible ASCII (ASCII smuggling).
                found = true;
                if (tag is >= 0xE0020 and <= 0xE007E)
                {
                    smuggled.Append((char)(tag - 0xE0000));
                }
                i++;
                continue;
            }
            if (c == '\u200D' && i > 0 && i + 1 < text.Length && !char.IsLetterOrDigit(text[i - 1]) && !char.IsLetterOrDigit(text[i + 1]))
            {
                kept.Append(c);
                continue;
            }
            if (IsInvisible(c))
            {
                found = true;
                continue;
            }
            kept.Append(c);
        }
        hidden = found ? (smuggled.Length > 0 ? smuggled.ToString() : "(zero-width characters)") : null;
        return kept.ToString();
    }

    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\u2061' or '\u2062' or '\u2063' or '\u2064'
            or '\uFEFF' or '\u180E' or '\u00AD' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool LooksEncoded(string run) =>
        run.Any(char.IsAsciiLetterLower) && run.Any(char.IsAsciiLetterUpper) && run.Any(char.IsAsciiDigit);

    /// <summary>A payload is usually the whole sentence around its trigger words, so the sentence goes.</summary>
    private static (int Start, int End) ExpandToSentence(string text, int start, int end)
    {
        while (start > 0 && !IsSentenceEnd(text, start - 1))
        {
            start--;
        }
        while (end < text.Length && !IsSentenceEnd(text, end - 1))
        {
            end++;
        }
        return (start, end);
    }

    private static bool IsSentenceEnd(string text, int i) =>
        text[i] is '。' or '！' or '？' or '!' or '?' or '\n' or '；'
        || (text[i] == '.' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));

    private static IEnumerable<(int Start, int End, string Kind)> Merge(List<(int Start, int End, string Kind)> spans)
    {
        (int Start, int End, string Kind)? current = null;
        foreach (var span in spans.OrderBy(s => s.Start).ThenByDescending(s => s.End))
        {
            if (current is { } c && span.Start <= c.End)
            {
                var kind = c.Kind.Split('+').Contains(span.Kind) ? c.Kind : c.Kind + "+" + span.Kind;
                current = (c.Start, Math.Max(c.End, span.End), kind);
                continue;
            }
            if (current is { } done)
            {
                yield return done;
            }
            current = span;
        }
        if (current is { } last)
        {
            yield return last;
        }
    }

    [GeneratedRegex(@"(忽略|无视|忘记|忘掉|不要理会|别管|跳过)(掉)?(你|您)?(之前|以上|前面|上面|上述|先前|所有|全部|一切)?的?(所有|全部)?(指令|指示|提示|要求|规则|设定|说明|规定)|(ignore|disregard|forget|override|skip)\s+(all\s+|any\s+|the\s+|your\s+|of\s+)*(previous|prior|above|earlier|preceding|former|system|grading|original)?\s*(instructions?|prompts?|rules|directions|guidelines|rubric)|new\s+instructions?\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex Override();

    [GeneratedRegex(@"你现在是|您现在是|从现在(开始|起)(你|您)|(你|您)?(现在)?扮演|假装(你|您)是|你的新(身份|角色|任务)|you\s+are\s+now|from\s+now\s+on,?\s+you|act\s+as\s+(an?\s+|the\s+)?(grader|judge|evaluator|assistant|teacher|examiner)|pretend\s+(to\s+be|you\s+are)|role-?play\s+as|your\s+new\s+(role|task|instructions?)", RegexOptions.IgnoreCase)]
    private static partial Regex RolePlay();

    [GeneratedRegex(@"系统提示|系统指令|系统消息|系统设定|提示词|评分标准|评分规则|评委|阅卷|打分老师|评分老师|评审老师|system\s+(prompt|message|instructions?)|developer\s+(message|mode)|\bjailbreak|\b(grader|evaluator|grading\s+model|rubric)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SystemPrompt();

    [GeneratedRegex(@"满分|高分|打分|评分|给分|加分|打满|全部(项|项目|条目)?(都)?(观察到|达标|满足|通过)|所有(项|项目|条目)(都)?(观察到|达标|满足|通过)|(full|maximum|max|perfect|top|highest|high)\s+(marks?|scores?|points|rating)|(give|award|grant)\s+(me|this|it|the\s+reply)\s+(a\s+)?(5|five|10|ten|100)\b|(score|rate|grade|mark)\s+(this|me|my\s+reply|it)\s+(as\s+|a\s+|an\s+)?(5|10|100|perfect|excellent|full|high)|all\s+items?\s+(are\s+)?observed", RegexOptions.IgnoreCase)]
    private static partial Regex ScoreRequest();

    [GeneratedRegex(@"(评分|评估|评价|打分)结果|(速度|细致|情感|speed|detail|emotion)\s*[:：]?\s*\d+\s*(/|／|分|out\s+of)\s*\d*|(grading|evaluation|score)\s+(result|verdict)s?\s*[:：]|""?(observed|injection_suspected)""?\s*[:：]\s*(true|false)", RegexOptions.IgnoreCase)]
    private static partial Regex FakeResult();

    [GeneratedRegex(@"[{\[]\s*""[^""]{1,40}""\s*:")]
    private static partial Regex Json();

    [GeneratedRegex(@"```[\s\S]*?(```|$)")]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"<\s*/?\s*\|?\s*(system|assistant|user|developer|im_start|im_end|instructions?|trainee_reply|customer_message|rule_findings|rubric|judge|prompt)\b[^>]*>|<\|[a-z_]+\|>|\[/?\s*(system|inst|assistant|user|sys)\s*\]|^\s*(system|assistant|developer|系统|助手)\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex RoleTag();

    [GeneratedRegex(@"[A-Za-z0-9+/]{24,}={0,2}")]
    private static partial Regex Base64();
}
