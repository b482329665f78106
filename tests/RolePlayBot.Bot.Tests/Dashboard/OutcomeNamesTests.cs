using System.Text.Json;
using RolePlayBot.Bot.Dashboard.Data;
using RolePlayBot.Core.Reports;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Bot.Tests.Dashboard;

/// <summary>Every way a session can end has a name trainers can read on the dashboard, in both languages.</summary>
public sealed class OutcomeNamesTests
{
    public static TheoryData<Outcome> Outcomes() => [.. Enum.GetValues<Outcome>()];

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Each_stored_outcome_has_a_chinese_and_an_english_name(Outcome outcome)
    {
        // The value as the store holds it (RpbJson's snake_case, e.g. "ended_by_trainee").
        var stored = JsonSerializer.Serialize(outcome, RpbJson.Compact).Trim('"');

        var (zh, en) = OutcomeNames.Of(stored);

        Assert.NotEqual(stored, zh);
        Assert.NotEqual(stored, en);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zh);
    }
}
