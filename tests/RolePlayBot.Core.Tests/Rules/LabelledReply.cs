using System.Text.Json;
using System.Text.Json.Serialization;

namespace RolePlayBot.Core.Tests.Rules;

/// <summary>One line of TestData/labelled-replies.jsonl: a reply and a human label for every checklist item.</summary>
public sealed record LabelledReply(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("locale")] string Locale,
    [property: JsonPropertyName("customer")] string Customer,
    [property: JsonPropertyName("reply")] string Reply,
    [property: JsonPropertyName("labels")] Dictionary<string, bool> Labels)
{
    public static IReadOnlyList<LabelledReply> LoadAll(string fileName = "labelled-replies.jsonl") =>
        System.IO.File.ReadLines(RepoRoot.File("tests", "RolePlayBot.Core.Tests", "TestData", fileName))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonSerializer.Deserialize<LabelledReply>(line)
                ?? throw new InvalidDataException($"bad line in {fileName}: {line}"))
            .ToList();

    public override string ToString() => $"{Id}: {Reply}";
}
