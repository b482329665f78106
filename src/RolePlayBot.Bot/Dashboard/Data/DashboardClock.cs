namespace RolePlayBot.Bot.Dashboard.Data;

/// <summary>Shows times in the trainers' time zone (default China Standard Time) and turns filter dates into instants.</summary>
public sealed class DashboardClock(TimeZoneInfo zone)
{
    public static DashboardClock For(string zoneId) => new(Zone(zoneId));

    public static TimeZoneInfo Zone(string zoneId)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Containers without tzdata: China has had no daylight saving since 1991, so +08:00 is exact there.
            return TimeZoneInfo.CreateCustomTimeZone(zoneId, TimeSpan.FromHours(8), zoneId, zoneId);
        }
    }

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    public string Format(DateTimeOffset instant) => Local(instant).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    public string FormatShort(DateTimeOffset instant) => Local(instant).ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first instant of a local day.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
