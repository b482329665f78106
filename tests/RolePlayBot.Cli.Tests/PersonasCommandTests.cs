using System.Text.Json;
using System.Text.RegularExpressions;

namespace RolePlayBot.Cli.Tests;

public sealed class PersonasCommandTests
{
    [Fact]
    public async Task List_json_is_an_array_of_id_name_locale_dimension_difficulty()
    {
        var result = await RpbProcess.RunAsync(["personas", "list", "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.True(rows.Count >= 13, $"only {rows.Count} personas");
        foreach (var row in rows)
        {
            Assert.Equal(["id", "name", "locale", "dimension", "difficulty"], row.EnumerateObject().Select(p => p.Name));
            Assert.Contains(row.GetProperty("dimension").GetString(), new[] { "speed", "detail", "emotion" });
            Assert.InRange(row.GetProperty("difficulty").GetInt32(), 1, 5);
        }

        Assert.True(rows.Count(r => r.GetProperty("locale").GetString() == "zh-CN") >= 10);
        Assert.True(rows.Count(r => r.GetProperty("locale").GetString() == "en") >= 3);
    }

    [Fact]
    public async Task Lint_passes_on_the_shipped_personas()
    {
        var result = await RpbProcess.RunAsync(["personas", "lint"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("OK", result.Stdout);
    }

    [Fact]
    public async Task Lint_names_the_broken_file_line_and_field_and_still_loads_the_others()
    {
        var folder = Directory.CreateTempSubdirectory("rpb-lint-").FullName;
        var shipped = Directory.GetFiles(Path.Combine(RpbProcess.RepoRoot, "personas"), "*.md").First(f => !Path.GetFileName(f).StartsWith('_'));
        File.Copy(shipped, Path.Combine(folder, "good.md"));
        var broken = Regex.Replace(File.ReadAllText(shipped), "^difficulty:.*$", "difficulty: 9", RegexOptions.Multiline);
        File.WriteAllText(Path.Combine(folder, "broken.md"), Regex.Replace(broken, "^id: ", "id: broken-", RegexOptions.Multiline));

        var result = await RpbProcess.RunAsync(["personas", "lint", folder]);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"broken\.md:\d+: difficulty:", result.Stderr);
        Assert.DoesNotContain("good.md", result.Stderr);
        Assert.Contains("1 persona(s) OK, 1 file(s) broken", result.Stdout);
    }
}
