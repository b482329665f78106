using RolePlayBot.Core.Personas;

namespace RolePlayBot.Core.Tests.Personas;

/// <summary>The loader as a linter: broken files are reported precisely and skipped; good files still load.</summary>
public sealed class PersonaLintTests
{
    private sealed record Broken(string FileName, string Text, string Field, string LineFragment);

    private static readonly Broken[] BrokenFiles =
    [
        new("b-missing-field.md", SamplePersona.With("scenario: A parcel is two days late.\n", ""), "scenario", "---"),
        new("c-yaml-syntax.md", SamplePersona.With("difficulty: 2", "difficulty: 2: 3"), "front_matter", "difficulty: 2: 3"),
        new("d-unknown-reaction.md", SamplePersona.With("time_commitment: { anger", "time_comitment: { anger"), "reactions.time_comitment", "time_comitment:"),
        new("e-difficulty-7.md", SamplePersona.With("difficulty: 2", "difficulty: 7"), "difficulty", "difficulty: 7"),
        new("f-unknown-placeholder.md", SamplePersona.With("Order {{order_id}}", "Order {{order_number}}"), "lines.give_info", "{{order_number}}"),
        new("g-no-front-matter.md", "# Just a heading\n\nNo front matter here.\n", "front_matter", "# Just a heading"),
    ];

    [Fact]
    public void Exactly_the_broken_files_are_reported_with_file_line_and_field()
    {
        using var folder = new TempFolder();
        var good = folder.Write("a-good.md", SamplePersona.Text);
        foreach (var broken in BrokenFiles)
        {
            folder.Write(broken.FileName, broken.Text);
        }

        var duplicate = folder.Write("h-duplicate.md", SamplePersona.Text.Replace("Sample customer", "Another name"));
        folder.Write("_template.md", "not a persona at all");

        var catalog = new PersonaLoader().LoadFolder(folder.Path);

        var persona = Assert.Single(catalog.All);
        Assert.Equal(good, persona.SourcePath);
        foreach (var broken in BrokenFiles)
        {
            var path = Path.Combine(folder.Path, broken.FileName);
            var error = Assert.Single(catalog.Errors, e => e.File == path);
            Assert.Equal(broken.Field, error.Field);
            Assert.Equal(SamplePersona.LineOf(broken.Text, broken.LineFragment), error.Line);
        }

        var duplicateError = Assert.Single(catalog.Errors, e => e.File == duplicate);
        Assert.Equal(("id", SamplePersona.LineOf(SamplePersona.Text, "id: sample-late-parcel")), (duplicateError.Field, duplicateError.Line));
        Assert.Contains("a-good.md", duplicateError.Message, StringComparison.Ordinal);
        Assert.Equal(BrokenFiles.Length + 1, catalog.Errors.Count);
    }

    [Fact]
    public void A_valid_file_is_read_into_the_records()
    {
        var persona = Parse(SamplePersona.Text).Persona!;

        Assert.Equal("sample-late-parcel", persona.Id);
        Assert.Equal(Checklist.Dimension.Speed, persona.Dimension);
        Assert.Equal("A-1001", persona.Facts.OrderId);
        Assert.Equal("June 5", persona.Facts.Extra["promised_delivery"]);
        Assert.Equal(["clear_information", "time_commitment"], persona.HiddenNeeds[0].MetByItems);
        Assert.True(persona.HiddenNeeds[0].Required);
        Assert.False(persona.HiddenNeeds[1].Required);
        Assert.Equal(new RolePlayBot.Core.Mood.MoodEffect(-10, 5), persona.Reactions["time_commitment"]);
        Assert.Equal(600, persona.Mood.LeaveAfterSeconds);
        Assert.Equal(["Alright."], persona.Lines.ByMood.Calm);
        Assert.StartsWith("# Sample customer", persona.Character, StringComparison.Ordinal);
        Assert.Equal("sample.md", persona.SourcePath);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Bytes(SamplePersona.Text))), persona.Version);
    }

    [Fact]
    public void Optional_mood_fields_take_the_record_defaults()
    {
        var text = SamplePersona.With("  escalate_at: 90\n  resolve_at: 25\n  chase_after_seconds: 60\n  leave_after_seconds: 600\n", "");

        var mood = Parse(text).Persona!.Mood;

        Assert.Equal((90, 30, 60, 600), (mood.EscalateAt, mood.ResolveAt, mood.ChaseAfterSeconds, mood.LeaveAfterSeconds));
    }

    [Theory]
    [InlineData("  anger: 50", "  angr: 50", "mood.angr", "did you mean 'anger'")]
    [InlineData("scenario: A parcel", "scenaro: A parcel", "scenaro", "did you mean 'scenario'")]
    [InlineData("locale: en", "locale: fr", "locale", "zh-CN or en")]
    [InlineData("dimension: speed", "dimension: fast", "dimension", "speed, detail or emotion")]
    [InlineData("difficulty: 2", "difficulty: hard", "difficulty", "whole number")]
    [InlineData("difficulty: 2", "difficulty: 0", "difficulty", "from 1 to 5")]
    [InlineData("  anger: 50", "  anger: 95", "mood.anger", "below escalate_at")]
    [InlineData("  anger: 50", "  anger: 20", "mood.anger", "above resolve_at")]
    [InlineData("  patience: 70", "  patience: 170", "mood.patience", "from 0 to 100")]
    [InlineData("  leave_after_seconds: 600", "  leave_after_seconds: 30", "mood.leave_after_seconds", "greater than chase_after_seconds")]
    [InlineData("  blame_shifting: { anger: 20, patience: -10 }", "  blame_shifting: { anger: -20, patience: -10 }", "reactions.blame_shifting", "anti-pattern")]
    [InlineData("  time_commitment: { anger: -10, patience: 5 }", "  time_commitment: { anger: -10, mood: 5 }", "reactions.time_commitment.mood", "unknown field")]
    [InlineData("met_by_items: [concrete_solution]", "met_by_items: [concrete_solutoin]", "hidden_needs[1].met_by_items", "did you mean 'concrete_solution'")]
    [InlineData("met_by_items: [concrete_solution]", "met_by_items: [cold_tone]", "hidden_needs[1].met_by_items", "anti-pattern")]
    [InlineData("reminders: [\"And the shipping fee?\"]", "reminders: []", "hidden_needs[1].reminders", "at least one")]
    [InlineData("    description: Wants a delivery date\n", "", "hidden_needs[0].description", "missing")]
    [InlineData("id: refund-shipping", "id: know-when", "hidden_needs[1].id", "used twice")]
    [InlineData("    required: false", "    required: maybe", "hidden_needs[1].required", "true or false")]
    [InlineData("  chase: [\"Hello?\"]", "  chase: []", "lines.chase", "at least one")]
    [InlineData("  chase: [\"Hello?\"]", "  chase: Hello?", "lines.chase", "must be a list")]
    [InlineData("    angry: [\"This is ridiculous.\"]\n", "", "lines.by_mood.angry", "missing")]
    [InlineData("  product: Desk lamp", "  product:", "facts.product", "no value")]
    [InlineData("    promised_delivery: June 5", "    Promised-Delivery: June 5", "facts.extra.Promised-Delivery", "lower-case")]
    [InlineData("name: Sample customer", "name: [a, b]", "name", "single value")]
    [InlineData("opening: Where is my lamp?", "opening: Where is my {{lamp}}?", "opening", "unknown placeholder")]
    [InlineData("Order {{order_id}}", "Order {{order_id}", "lines.give_info", "unbalanced")]
    [InlineData("id: sample-late-parcel", "id: Sample Late", "id", "lower-case")]
    public void Each_problem_is_reported_on_its_field_and_line(string from, string to, string field, string messagePart)
    {
        var text = SamplePersona.With(from, to);

        var result = Parse(text);

        // A typo may also leave a required field missing or a placeholder unknown; that second error is fair.
        Assert.Null(result.Persona);
        Assert.InRange(result.Errors.Count, 1, 2);
        var error = Assert.Single(result.Errors, e => e.Field == field);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        if (to.Length > 0)
        {
            Assert.Equal(SamplePersona.LineAt(text, SamplePersona.Text.IndexOf(from, StringComparison.Ordinal)), error.Line);
        }
    }

    [Theory]
    [InlineData("name: Sample customer", "name: \"unclosed")]
    [InlineData("  chase: [\"Hello?\"]", "  chase: [\"Hello?\"")]
    [InlineData("  patience: 70", "  anger: 40")]
    [InlineData("  patience: 70", "\tpatience: 70")]
    public void Yaml_syntax_errors_point_at_the_broken_line(string from, string to)
    {
        var text = SamplePersona.With(from, to);

        var error = Assert.Single(Parse(text).Errors);

        Assert.Equal(("front_matter", SamplePersona.LineAt(text, SamplePersona.Text.IndexOf(from, StringComparison.Ordinal))), (error.Field, error.Line));
        Assert.StartsWith("YAML syntax error", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    - {{promised}} then.")]
    [InlineData("    - \"Soon\" means when?")]
    public void A_line_that_yaml_misreads_gets_a_quoting_hint(string line)
    {
        var text = SamplePersona.With("hold_to_time: [\"Fine, I'll wait until {{promised}}.\"]", "hold_to_time:\n" + line);

        var error = Assert.Single(Parse(text).Errors);

        Assert.Equal(SamplePersona.LineOf(text, line), error.Line);
        Assert.Contains("quoted as a whole", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_nested_field_points_at_its_parent()
    {
        var text = SamplePersona.With("    description: Wants a delivery date\n", "");

        var error = Assert.Single(Parse(text).Errors);

        Assert.Equal(SamplePersona.LineOf(text, "- id: know-when"), error.Line);
    }

    [Fact]
    public void Custom_checklist_ids_can_be_allowed()
    {
        var text = SamplePersona.With("  time_commitment: { anger", "  proactive_update: { anger");

        Assert.NotEmpty(Parse(text).Errors);
        Assert.Empty(new PersonaLoader(["proactive_update"]).Parse("sample.md", Bytes(text)).Errors);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_accepted()
    {
        var text = "\uFEFF" + SamplePersona.Text.Replace("\n", "\r\n");

        Assert.Empty(Parse(text).Errors);
    }

    [Fact]
    public void An_unclosed_front_matter_is_reported()
    {
        var text = SamplePersona.Text[..SamplePersona.Text.LastIndexOf("---", StringComparison.Ordinal)];

        var error = Assert.Single(Parse(text).Errors);

        Assert.Equal(("front_matter", 1), (error.Field, error.Line));
    }

    [Theory]
    [InlineData("---\n---\n# Body\n", 1)]
    [InlineData("---\njust a sentence\n---\n# Body\n", 2)]
    [InlineData("---\n- a\n- b\n---\n# Body\n", 2)]
    public void A_front_matter_without_fields_is_reported(string text, int line)
    {
        var error = Assert.Single(Parse(text).Errors);

        Assert.Equal(("front_matter", line), (error.Field, error.Line));
    }

    [Fact]
    public void An_empty_character_description_is_reported()
    {
        var text = SamplePersona.Text[..(SamplePersona.Text.LastIndexOf("---", StringComparison.Ordinal) + 3)];

        var error = Assert.Single(Parse(text).Errors);

        Assert.Equal("character", error.Field);
    }

    [Fact]
    public void A_missing_folder_is_an_error_not_an_exception()
    {
        var catalog = new PersonaLoader().LoadFolder(Path.Combine(Path.GetTempPath(), "rpb-" + Guid.NewGuid().ToString("N")));

        Assert.Empty(catalog.All);
        Assert.Single(catalog.Errors);
    }

    private static PersonaFileResult Parse(string text) => new PersonaLoader().Parse("sample.md", Bytes(text));

    private static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
