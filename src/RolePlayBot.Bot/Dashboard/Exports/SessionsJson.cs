using System.Text.Json;
using RolePlayBot.Core.Reports;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Dashboard.Exports;

/// <summary>Sessions as JSON in the project's one JSON shape (RpbJson), the scorecard as an object rather than a string.</summary>
public static class SessionsJson
{
    public static byte[] Write(IEnumerable<SessionRecord> sessions) =>
        JsonSerializer.SerializeToUtf8Bytes(sessions.Select(Export).ToList(), RpbJson.Options);

    private static SessionExport Export(SessionRecord s) => new(
        s.Id, s.TraineeId, s.TraineeName, s.PersonaId, s.PersonaLocale, s.PersonaVersion, s.Engine, s.Mode,
        s.StartedAt, s.EndedAt, s.Outcome, s.TurnCount, s.Speed, s.Detail, s.Emotion, s.Overall, Parse(s.ScorecardJson));

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record SessionExport(
        string Id, string TraineeId, string TraineeName, string PersonaId, string PersonaLocale, string PersonaVersion,
        string Engine, string Mode, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string Outcome, int TurnCount,
        int? Speed, int? Detail, int? Emotion, int? Overall, JsonElement? Scorecard);
}
