using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RolePlayBot.Bot.Protocol;

/// <summary>
/// Writes timestamps in UTC with a "Z" suffix (Activity spec A2043; Web Chat sorts by them) and reads any ISO-8601
/// form. An activity's localTimestamp keeps its offset because it is written by the client, not by us.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Offset == TimeSpan.Zero
            ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
            : value.ToString("O", CultureInfo.InvariantCulture));
}
