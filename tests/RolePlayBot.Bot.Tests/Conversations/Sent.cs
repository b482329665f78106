using System.Text.Json;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.Conversations;

/// <summary>Reading what the bot sent: texts, cards and the card's text and buttons.</summary>
internal static class Sent
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";

    public static IReadOnlyList<JsonElement> Cards(IEnumerable<Activity> activities) =>
        activities.SelectMany(a => a.Attachments ?? []).Where(a => a.ContentType == CardType).Select(a => a.Content!.Value).ToList();

    public static IReadOnlyList<string> Texts(IEnumerable<Activity> activities) =>
        activities.Where(a => a.Type == ActivityTypes.Message && a.Text is not null).Select(a => a.Text!).ToList();

    /// <summary>Every "text" string anywhere in the card, joined by newlines (TextBlocks and FactSet values alike).</summary>
    public static string CardText(JsonElement card)
    {
        var parts = new List<string>();
        Walk(card, parts);
        return string.Join('\n', parts);
    }

    /// <summary>The data objects of every Action.Submit in the card.</summary>
    public static IReadOnlyList<JsonElement> Submits(JsonElement card)
    {
        var found = new List<JsonElement>();
        Find(card, found);
        return found;
    }

    private static void Walk(JsonElement element, List<string> parts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    if (p.Name is "text" or "title" or "value" && p.Value.ValueKind == JsonValueKind.String)
                    {
                        parts.Add(p.Value.GetString()!);
                    }
                    else
                    {
                        Walk(p.Value, parts);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var e in element.EnumerateArray())
                {
                    Walk(e, parts);
                }

                break;
        }
    }

    private static void Find(JsonElement element, List<JsonElement> found)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.GetString() == "Action.Submit")
            {
                found.Add(element.GetProperty("data"));
            }

            foreach (var p in element.EnumerateObject())
            {
                Find(p.Value, found);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in element.EnumerateArray())
            {
                Find(e, found);
            }
        }
    }
}
