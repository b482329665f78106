using System.Globalization;
using System.Text;
using RolePlayBot.Bot.Dashboard.Data;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Dashboard.Exports;

/// <summary>
/// Sessions as CSV for Excel: UTF-8 with a BOM (or Excel shows 中文 as mojibake), RFC 4180 quoting, and text that
/// starts like a formula prefixed with an apostrophe so a crafted display name cannot run in the trainer's spreadsheet.
/// </summary>
public static class SessionsCsv
{
    private static readonly string[] Header =
    [
        "session_id", "trainee_id", "trainee_name", "persona_id", "persona_locale", "engine", "mode",
        "started_at", "ended_at", "outcome", "turns", "speed", "detail", "emotion", "overall",
    ];

    public static byte[] Write(IEnumerable<SessionRecord> sessions, DashboardClock clock)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Header).Append("\r\n");
        foreach (var s in sessions)
        {
            string[] row =
            [
                s.Id, s.TraineeId, s.TraineeName, s.PersonaId, s.PersonaLocale, s.Engine, s.Mode,
                clock.Format(s.StartedAt), s.EndedAt is { } end ? clock.Format(end) : "", s.Outcome,
                Number(s.TurnCount), Number(s.Speed), Number(s.Detail), Number(s.Emotion), Number(s.Overall),
            ];
            text.AppendJoin(',', row.Select(Field)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
