using System.Text.RegularExpressions;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Personas;

namespace RolePlayBot.Core.Tests.Personas;

/// <summary>Every persona file the project ships loads cleanly and is complete enough to play.</summary>
public sealed partial class ShippedPersonaTests
{
    private static PersonaCatalog Catalog => ShippedPersonaFiles.Catalog;

    public static TheoryData<string> Files => ShippedPersonaFiles.FileNames();

    [Theory]
    [MemberData(nameof(Files))]
    public void File_loads_without_errors(string fileName)
    {
        var result = new PersonaLoader().LoadFile(Path.Combine(RepoPaths.Personas, fileName));

        Assert.Empty(result.Errors.Select(e => e.ToString()));
        var persona = Assert.IsType<Persona>(result.Persona);
        Assert.InRange(persona.Difficulty, 1, 5);
        Assert.Contains(persona.Dimension, new[] { Dimension.Speed, Dimension.Detail, Dimension.Emotion });
        Assert.Contains(persona.Locale, new[] { Locales.Chinese, Locales.English });
        Assert.Equal($"{persona.Id}.{persona.Locale}.md", fileName);
        Assert.Matches("^[0-9a-f]{64}$", persona.Version);
        Assert.False(string.IsNullOrWhiteSpace(persona.Character));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_has_enough_varied_lines(string fileName)
    {
        var persona = Load(fileName);
        var lines = persona.Lines;
        var lists = new Dictionary<string, IReadOnlyList<string>>
        {
            ["escalation"] = lines.Escalation,
            ["resolution"] = lines.Resolution,
            ["abandon"] = lines.Abandon,
            ["chase"] = lines.Chase,
            ["give_info"] = lines.GiveInfo,
            ["hold_to_time"] = lines.HoldToTime,
            ["blamed"] = lines.Blamed,
            ["brushed"] = lines.Brushed,
            ["vague"] = lines.Vague,
            ["softening"] = lines.Softening,
        };
        foreach (var (name, list) in lists)
        {
            Assert.True(list.Count >= 3, $"lines.{name} has {list.Count} lines; give at least 3");
            Assert.True(list.Distinct().Count() == list.Count, $"lines.{name} repeats a line");
        }

        foreach (var (name, band) in new[] { ("calm", lines.ByMood.Calm), ("upset", lines.ByMood.Upset), ("angry", lines.ByMood.Angry) })
        {
            Assert.True(band.Count >= 4, $"lines.by_mood.{name} has {band.Count} lines; give at least 4");
        }

        foreach (var need in persona.HiddenNeeds)
        {
            Assert.True(need.Reminders.Count >= 2, $"need {need.Id} has {need.Reminders.Count} reminders; give at least 2");
        }

        Assert.Contains(persona.HiddenNeeds, n => n.Required);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Promised_time_is_only_used_where_a_time_was_promised(string fileName)
    {
        var persona = Load(fileName);
        var lines = persona.Lines;
        var elsewhere = new[]
            {
                lines.Escalation, lines.Resolution, lines.Abandon, lines.Chase, lines.GiveInfo, lines.Blamed,
                lines.Brushed, lines.Vague, lines.Softening, lines.ByMood.Calm, lines.ByMood.Upset, lines.ByMood.Angry,
            }
            .SelectMany(l => l)
            .Concat(persona.HiddenNeeds.SelectMany(n => n.Reminders))
            .Append(persona.Opening);

        Assert.DoesNotContain(elsewhere, l => l.Contains("{{promised}}", StringComparison.Ordinal));
        Assert.Contains(lines.HoldToTime, l => l.Contains("{{promised}}", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Character_uses_no_placeholders(string fileName)
    {
        Assert.DoesNotMatch(Placeholder(), Load(fileName).Character);
    }

    [Fact]
    public void Template_is_itself_a_valid_persona_so_a_copy_starts_clean()
    {
        var result = new PersonaLoader().LoadFile(Path.Combine(RepoPaths.Personas, "_template.md"));

        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.DoesNotContain(Catalog.All, p => p.Id == result.Persona!.Id);
    }

    [Fact]
    public void Shipped_folder_loads_without_errors()
    {
        Assert.Empty(Catalog.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Listing_covers_both_courses_cases_in_both_locales()
    {
        var chinese = Catalog.All.Where(p => p.Locale == Locales.Chinese).ToList();
        var english = Catalog.All.Where(p => p.Locale == Locales.English).ToList();

        Assert.True(chinese.Count >= 10, $"{chinese.Count} zh-CN personas; want at least 10");
        Assert.True(english.Count >= 4, $"{english.Count} en personas; want at least 4");
        foreach (var id in new[] { "allergy-complaint", "late-birthday-gift", "price-drop-refund", "suspected-troublemaker" })
        {
            Assert.Equal(Locales.English, Catalog.Find(id, Locales.English)?.Locale);
        }

        Assert.All(english, p => Assert.NotNull(chinese.SingleOrDefault(c => c.Id == p.Id)));
    }

    [Fact]
    public void Every_difficulty_and_dimension_is_used()
    {
        var chinese = Catalog.All.Where(p => p.Locale == Locales.Chinese).ToList();

        Assert.Equal([1, 2, 3, 4, 5], chinese.Select(p => p.Difficulty).Distinct().Order());
        Assert.Equal([Dimension.Speed, Dimension.Detail, Dimension.Emotion], chinese.Select(p => p.Dimension).Distinct().Order());
    }

    [Fact]
    public void Translations_keep_the_numbers_of_the_original()
    {
        foreach (var english in Catalog.All.Where(p => p.Locale == Locales.English))
        {
            var chinese = Catalog.Find(english.Id, Locales.Chinese)!;
            Assert.Equal(chinese.Difficulty, english.Difficulty);
            Assert.Equal(chinese.Dimension, english.Dimension);
            Assert.Equal(chinese.Mood, english.Mood);
            Assert.Equal(chinese.Reactions.OrderBy(r => r.Key), english.Reactions.OrderBy(r => r.Key));
            Assert.Equal(chinese.HiddenNeeds.Select(n => (n.Id, n.Required)), english.HiddenNeeds.Select(n => (n.Id, n.Required)));
            Assert.Equal(chinese.HiddenNeeds.Select(n => n.MetByItems), english.HiddenNeeds.Select(n => n.MetByItems), new SequenceComparer());
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_persona_has_a_good_and_a_bad_agent_script(string fileName)
    {
        var persona = Load(fileName);
        foreach (var kind in new[] { "good", "bad" })
        {
            var path = Path.Combine(RepoPaths.AgentScripts, $"{persona.Id}.{persona.Locale}.{kind}.txt");
            Assert.True(File.Exists(path), $"missing agent script {path}");
            var replies = AgentScript.Read(path);
            Assert.InRange(replies.Count, 4, 6);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Good_agent_uses_a_keyword_of_every_required_need(string fileName)
    {
        var persona = Load(fileName);
        var replies = AgentScript.Read(Path.Combine(RepoPaths.AgentScripts, $"{persona.Id}.{persona.Locale}.good.txt"));

        foreach (var need in persona.HiddenNeeds.Where(n => n.Required && n.MetByKeywords.Count > 0))
        {
            Assert.True(
                replies.Any(r => need.MetByKeywords.Any(k => r.Contains(k, StringComparison.OrdinalIgnoreCase))),
                $"the good agent never says any of [{string.Join(", ", need.MetByKeywords)}] for need {need.Id}");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Good_agent_uses_the_persona_facts_and_a_concrete_time(string fileName)
    {
        var persona = Load(fileName);
        var text = string.Join("\n", AgentScript.Read(Path.Combine(RepoPaths.AgentScripts, $"{persona.Id}.{persona.Locale}.good.txt")));

        Assert.Contains(AmountDigits().Match(persona.Facts.Amount).Value, text, StringComparison.Ordinal);
        Assert.Matches(ConcreteTime(), text);
    }

    private static Persona Load(string fileName) =>
        Catalog.All.Single(p => Path.GetFileName(p.SourcePath) == fileName);

    [GeneratedRegex(@"\{\{[^{}]*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\d,.]+")]
    private static partial Regex AmountDigits();

    [GeneratedRegex(@"\d+\s*(分钟|小时|点|天|minutes?|hours?|pm|am|:\d\d)|今天|今晚|明天|tomorrow|today", RegexOptions.IgnoreCase)]
    private static partial Regex ConcreteTime();

    private sealed class SequenceComparer : IEqualityComparer<IReadOnlyList<string>>
    {
        public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(IReadOnlyList<string> obj) => obj.Count;
    }
}
