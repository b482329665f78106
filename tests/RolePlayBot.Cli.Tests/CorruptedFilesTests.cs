namespace RolePlayBot.Cli.Tests;

/// <summary>A trainer breaks checklist.yaml: every command says where, without a stack trace, and fails.</summary>
public sealed class CorruptedFilesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("rpb-corrupt-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("personas", "list")]
    [InlineData("evaluate", "--input", "-")]
    [InlineData("practice", "--persona", "allergy-complaint")]
    public async Task A_corrupted_checklist_is_named_with_line_and_field_and_the_exit_code_says_so(params string[] command)
    {
        var lines = (await File.ReadAllLinesAsync(Path.Combine(RpbProcess.RepoRoot, "checklist.yaml"))).ToList();
        var weight = lines.FindIndex(l => l.TrimStart().StartsWith("weight:", StringComparison.Ordinal));
        lines[weight] = lines[weight][..lines[weight].IndexOf("weight:", StringComparison.Ordinal)] + "weight: heavy";
        var checklist = Path.Combine(folder, "checklist.yaml");
        await File.WriteAllLinesAsync(checklist, lines);

        var result = await RpbProcess.RunAsync(["--checklist", checklist, .. command], stdin: "");

        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith($"error: {checklist}:{weight + 1}: items[", result.Stderr.Trim());
        Assert.Contains(").weight: expected a number", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Checklist_yaml_that_does_not_parse_names_the_line()
    {
        var checklist = Path.Combine(folder, "checklist.yaml");
        await File.WriteAllTextAsync(checklist, "items:\n  - id: apology\n    weight: [\n");

        var result = await RpbProcess.RunAsync(["--checklist", checklist, "personas", "list"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {checklist}:4: (syntax):", result.Stderr.Trim());
    }
}
