using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using RolePlayBot.Core.Text;

namespace RolePlayBot.Llm.Privacy;

/// <summary>
/// Finds private details in free text: the categories switched on in <see cref="PiiMaskingOptions"/>, each span at
/// most once. Patterns run in priority order (an e-mail before the digits inside it, a labelled order number before a
/// phone-shaped one) and a later pattern never takes text an earlier one already took.
/// </summary>
/// <remarks>
/// Deliberately generous: a false positive only hides a few words from the model (and comes back unmasked in its
/// answer), a false negative sends a customer's phone number to a third party. None of the patterns can match a
/// quote or a backslash, so a restored value can never break the JSON a judge answers with.
/// </remarks>
public sealed partial class PiiDetector(PiiMaskingOptions options)
{
    /// <summary>Texts whose details are remembered; past this many the memory is cleared and starts again.</summary>
    public const int RememberedTexts = 2048;

    // Prompts repeat: every call of a session sends the same instructions, persona and checklist, and each chat message
    // is quoted again for several turns. Scanning a text once instead of on every call took masking from a third of the
    // bot's CPU in model mode to a few per cent (BENCHMARKS.md). The spans depend only on the text and the options.
    private readonly ConcurrentDictionary<string, PiiSpan[]> _remembered = new(StringComparer.Ordinal);

    /// <summary>Every detail of a category switched on, in text order, without overlaps.</summary>
    public IReadOnlyList<PiiSpan> Find(string text)
    {
        if (!options.Any || string.IsNullOrEmpty(text))
        {
            return [];
        }

        if (_remembered.TryGetValue(text, out var known))
        {
            return known;
        }

        var spans = Scan(text);
        if (_remembered.Count >= RememberedTexts)
        {
            _remembered.Clear();
        }

        _remembered.TryAdd(text, spans);
        return spans;
    }

    private PiiSpan[] Scan(string text)
    {
        // Full-width digits and signs (what a Chinese IME types) are matched as ASCII; folding keeps every index.
        var folded = TextNormalizer.FoldWidth(text);
        var taken = new List<(PiiSpan Span, bool Masked)>();
        foreach (var (kind, enabled, regex) in Patterns())
        {
            foreach (var span in Matches(kind, regex, folded))
            {
                if (kind == PiiKind.Phone && !PlausiblePhone(folded.AsSpan(span.Start, span.Length)))
                {
                    continue;
                }

                if (!taken.Any(t => t.Span.Overlaps(span)))
                {
                    taken.Add((span, enabled));
                }
            }
        }

        // A category switched off still claims its text, so a phone number let through is not masked as an order number.
        return [.. taken.Where(t => t.Masked).Select(t => t.Span).OrderBy(s => s.Start)];
    }

    internal static List<PiiSpan> Matches(PiiKind kind, Regex regex, string text)
    {
        var found = new List<PiiSpan>();
        if (ReferenceEquals(regex, ChineseAddress()))
        {
            foreach (var (start, length) in AddressRuns(text))
            {
                // The character after the stretch too: no address can take it, but the pattern looks at it (the end of
                // a house number), so the stretch scanned alone sees what the whole text would.
                foreach (var match in regex.EnumerateMatches(text.AsSpan(start, Math.Min(length + 1, text.Length - start))))
                {
                    found.Add(new PiiSpan(kind, start + match.Index, match.Length));
                }
            }
        }
        else
        {
            foreach (var match in regex.EnumerateMatches(text))
            {
                found.Add(new PiiSpan(kind, match.Index, match.Length));
            }
        }

        return found;
    }

    /// <summary>
    /// The stretches of <paramref name="text"/> a Chinese address can lie in, for <see cref="ChineseAddress"/> to scan
    /// instead of the whole text (tried at every Chinese character, it was two thirds of the masking time): every
    /// character the pattern can match is a Chinese character other than the pronouns and particles it excludes, a
    /// digit, a Latin letter, '-', '〇' or white space, so no address crosses any other character; and every address
    /// holds a place word, so a stretch without one of their last characters holds none. The pattern looks back at
    /// nothing, and ahead only through characters an address can hold and then at most one more, so each stretch scanned
    /// with the character after it gives the matches the whole text gives.
    /// </summary>
    internal static IEnumerable<(int Start, int Length)> AddressRuns(string text)
    {
        var start = -1;
        var anchored = false;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && CanBeInAddress(text[i]))
            {
                if (start < 0)
                {
                    start = i;
                    anchored = false;
                }

                anchored |= PlaceWordEnds.Contains(text[i]);
            }
            else if (start >= 0)
            {
                if (anchored)
                {
                    yield return (start, i - start);
                }

                start = -1;
            }
        }
    }

    private static bool CanBeInAddress(char c) =>
        c is >= '\u4e00' and <= '\u9fff' ? !NotInPlaceNames.Contains(c) : char.IsDigit(c) || char.IsAsciiLetter(c) || c is '-' or '〇' || char.IsWhiteSpace(c);

    // Kept in step with ChineseAddress (the equivalence is tested on a corpus): the characters its classes exclude, and
    // the last characters of its area and street words.
    private static readonly System.Buffers.SearchValues<char> NotInPlaceNames =
        System.Buffers.SearchValues.Create("我你您他她它在住是的了到给寄送发和与从把被请烦好吗呢啊吧就都也还要这那个些说");

    private static readonly System.Buffers.SearchValues<char> PlaceWordEnds =
        System.Buffers.SearchValues.Create("省区市州盟县旗镇乡道路街巷弄同里村园寓厦场");

    private IEnumerable<(PiiKind Kind, bool Enabled, Regex Regex)> Patterns()
    {
        yield return (PiiKind.Email, options.Emails, Email());
        yield return (PiiKind.IdCard, options.IdCards, IdCard());
        yield return (PiiKind.OrderId, options.OrderIds, LabelledOrderId());
        yield return (PiiKind.Mobile, options.Phones, ChineseMobile());
        yield return (PiiKind.Phone, options.Phones, International());
        yield return (PiiKind.Phone, options.Phones, ChineseLandline());
        yield return (PiiKind.Phone, options.Phones, NorthAmerican());
        yield return (PiiKind.Phone, options.Phones, BritishMobile());
        yield return (PiiKind.Address, options.Addresses, ChineseAddress());
        yield return (PiiKind.Address, options.Addresses, EnglishAddress());
        yield return (PiiKind.Address, options.Addresses, BritishPostcode());
        yield return (PiiKind.OrderId, options.OrderIds, LongNumber());
    }

    /// <summary>International numbers are matched loosely; 7 to 15 digits (E.164) is what makes one a phone number.</summary>
    private static bool PlausiblePhone(ReadOnlySpan<char> text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                digits++;
            }
        }

        return digits is >= 7 and <= 15;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", RegexOptions.None, 1000)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\dA-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])", RegexOptions.None, 1000)]
    private static partial Regex IdCard();

    /// <summary>The number after a label; the label stays, so the model still knows what it is.</summary>
    [GeneratedRegex(@"(?<=(?:订单号|订单编号|订单|单号|运单号|快递单号|order\s*(?:no\.?|number|num|id|#))\s*(?:是|为|[:：#])?\s*)(?=[A-Za-z-]*\d)[A-Za-z\d][A-Za-z\d-]{4,38}[A-Za-z\d](?![A-Za-z\d])", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex LabelledOrderId();

    [GeneratedRegex(@"(?<![\d+])(?:(?:\+|00)\s?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)", RegexOptions.None, 1000)]
    private static partial Regex ChineseMobile();

    [GeneratedRegex(@"(?<![\w+])(?:\+|00)\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?)(?:[\s.-]?\d{2,5}){1,4}(?!\d)", RegexOptions.None, 1000)]
    private static partial Regex International();

    /// <summary>Not inside a tracking number (JDX0198273645 is one, not a landline after letters).</summary>
    [GeneratedRegex(@"(?<![\dA-Za-z])(?:(?:\(0\d{2,3}\)|0\d{2,3})[\s-]?\d{3,4}[\s-]?\d{4}(?:-\d{1,5})?|[48]00[\s-]?\d{3}[\s-]?\d{4})(?!\d)", RegexOptions.None, 1000)]
    private static partial Regex ChineseLandline();

    [GeneratedRegex(@"(?<![\d(])(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\d)", RegexOptions.None, 1000)]
    private static partial Regex NorthAmerican();

    /// <summary>
    /// Areas (省/市/区/县/镇…) then a street (路/街/巷…) then numbers (号/栋/单元/室…): two areas, an area and a street,
    /// or a street with a number. Pronouns and particles (我, 在, 的…) cannot be part of a place name, so "我住在" stays.
    /// A street alone needs a house number after it — with its unit (3号, 2栋, 一百号) or as bare digits that no Chinese
    /// follows (中山路100，) — because 里, 弄 and 街 end everyday words too: "您心里一定很着急", "店里3天内发货" and
    /// "重新弄一下" are a trainee's empathy and promises, which the judge must read, not addresses.
    /// </summary>
    [GeneratedRegex(
        @"(?:(?:[\u4e00-\u9fff-[我你您他她它在住是的了到给寄送发和与从把被请烦好吗呢啊吧就都也还要这那个些说]]{1,7}(?:省|自治区|特别行政区|市|自治州|地区|盟|区|县|旗|镇|乡|街道)){2,4}(?:[\u4e00-\u9fff\dA-Za-z-[我你您他她它在住是的了到给寄送发和与从把被请烦好吗呢啊吧就都也还要这那个些说]]{1,12}?(?:大道|路|街|巷|弄|胡同|里|村|小区|花园|公寓|大厦|广场|园区))?"
        + @"|(?:[\u4e00-\u9fff-[我你您他她它在住是的了到给寄送发和与从把被请烦好吗呢啊吧就都也还要这那个些说]]{1,7}(?:省|自治区|市|自治州|区|县|旗|镇|乡|街道))?[\u4e00-\u9fff\dA-Za-z-[我你您他她它在住是的了到给寄送发和与从把被请烦好吗呢啊吧就都也还要这那个些说]]{1,12}?(?:大道|路|街|巷|弄|胡同|里|村|小区|花园|公寓|大厦|广场|园区)"
        + @"(?=[\s-]?(?:[\d一二三四五六七八九十百零〇A-Za-z-]{1,6}(?:号楼|号院|号|栋|幢|座|单元|楼|层|室|户|弄)|\d{1,5}(?![\d\u4e00-\u9fff]))))"
        + @"(?:[\s-]?[\d一二三四五六七八九十百零〇A-Za-z-]{1,6}(?:号楼|号院|号|栋|幢|座|单元|楼|层|室|户|弄))*(?:[\s-]?\d{1,5}(?![\d\u4e00-\u9fff]))?",
        RegexOptions.None, 1000)]
    internal static partial Regex ChineseAddress();

    /// <summary>
    /// A house number, the street's name and its kind, then what may follow: a flat, a city, a state or county, a ZIP or
    /// postcode; a flat or unit may also come first. Names are capitalised, or, for the kinds no product or phrase
    /// shares (street, road, avenue, lane, boulevard), written in lower case too ("42 elm road") — but never run through
    /// a small word or a unit of time ("3 days for the road trip", "2 weeks and the street was closed").
    /// </summary>
    [GeneratedRegex(
        @"(?<![\w])(?:(?:Flat|Unit|Apartment|Apt|Suite)\.?\s*[A-Za-z\d-]{1,6},?\s+)?\d{1,5}[A-Za-z]?\s+"
        + @"(?:(?:[A-Z][A-Za-z'-]*\.?\s+){1,4}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace|Close|Crescent|Square|Sq)"
        + @"|(?:(?!(?i:the|a|an|for|of|and|or|to|in|on|at|by|from|my|your|our|their|his|her|its|this|that|was|were|is|are|be|more|days?|weeks?|hours?|minutes?|months?|years?|times?|miles?)\b)[A-Za-z][A-Za-z'-]*\s+){1,3}(?i:street|road|avenue|lane|boulevard))\b\.?"
        + @"(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b)?"
        + @"(?:,?\s*(?:Apt|Apartment|Suite|Unit|Flat|#)\.?\s*[A-Za-z\d-]+)?(?:,\s*[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+\b)?)?"
        + @"(?:,?\s+(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]{2,3}(?:\s+\d{4,5}(?:-\d{4})?)?|\d{5}(?:-\d{4})?)(?![\w]))?",
        RegexOptions.None, 1000)]
    private static partial Regex EnglishAddress();

    /// <summary>A British postcode on its own (SW1A 1AA, EC1A 1BB, M1 1AE): capitals, digits and a space in its fixed shape.</summary>
    [GeneratedRegex(@"(?<![\w])[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}(?![\w])", RegexOptions.None, 1000)]
    private static partial Regex BritishPostcode();

    /// <summary>A British mobile number written nationally (07911 123456); with +44 it is an international number.</summary>
    [GeneratedRegex(@"(?<![\dA-Za-z])07\d{3}[\s-]?\d{3}[\s-]?\d{3}(?!\d)", RegexOptions.None, 1000)]
    private static partial Regex BritishMobile();

    [GeneratedRegex(@"(?<![\dA-Za-z])[A-Za-z]{0,4}\d{10,}(?!\d)", RegexOptions.None, 1000)]
    private static partial Regex LongNumber();
}
