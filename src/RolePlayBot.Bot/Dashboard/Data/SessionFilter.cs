using System.Globalization;

namespace RolePlayBot.Bot.Dashboard.Data;

/// <summary>The filters in the query string: <c>from</c>, <c>to</c> (yyyy-MM-dd, inclusive, in the dashboard's time zone), <c>persona</c>, <c>trainee</c>.</summary>
public sealed record SessionFilter(DateOnly? From, DateOnly? To, string? Persona, string? Trainee)
{
    public static SessionFilter Parse(IQueryCollection query) => new(
        Date(query["from"]), Date(query["to"]), Text(query["persona"]), Text(query["trainee"]));

    public SessionFilter WithTrainee(string? trainee) => this with { Trainee = trainee };

    /// <summary>The filters as a query string ("" or "?from=…&amp;…"), for links and export URLs.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        Add(parts, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "persona", Persona);
        Add(parts, "trainee", Trainee);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
