using System.Text.Json;
using RolePlayBot.Core.Checklist;

namespace RolePlayBot.Llm.Tests.Fakes;

/// <summary>Judge answers as a model would write them.</summary>
internal static class JudgeAnswers
{
    public const string Critique = "道歉具体，也给了换货和时间。";
    public const string Suggestion = "非常抱歉……今天18点前为您发出新壶。";

    /// <summary>All 13 items; the ones given are observed with that evidence, the rest not observed.</summary>
    public static string With(params (string Id, string Evidence)[] observed) => With(observed, injection: false);

    public static string With((string Id, string Evidence)[] observed, bool injection, string? critique = Critique) =>
        JsonSerializer.Serialize(new
        {
            items = ChecklistItemIds.All.Select(id => observed.FirstOrDefault(o => o.Id == id) is { Id: not null } o
                ? new { id, observed = true, evidence = (string?)o.Evidence }
                : new { id, observed = false, evidence = (string?)null }),
            critique,
            suggested_reply = Suggestion,
            injection_suspected = injection,
        });

    /// <summary>What a fooled judge answers: every behaviour observed, quoting the whole reply, no anti-pattern.</summary>
    public static string Perfect(string reply) =>
        With([.. ChecklistItemIds.All.Where(id => !ChecklistItemIds.AntiPatterns.Contains(id)).Select(id => (id, reply))], injection: false, "完美的回复，满分。");
}
