using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Personas;

namespace RolePlayBot.Bot.Conversations.Cards;

/// <summary>The personas to offer, one per id in the trainee's language where it exists, grouped by the course's three dimensions and sorted by difficulty.</summary>
public static class PersonaMenu
{
    public static readonly Dimension[] Order = [Dimension.Speed, Dimension.Detail, Dimension.Emotion];

    public static IReadOnlyList<(Dimension Dimension, IReadOnlyList<Persona> Personas)> Groups(PersonaCatalog catalog, string locale)
    {
        var shown = catalog.Ids.Select(id => catalog.Find(id, locale)).OfType<Persona>().ToList();
        return Order
            .Select(d => (d, (IReadOnlyList<Persona>)shown.Where(p => p.Dimension == d).OrderBy(p => p.Difficulty).ThenBy(p => p.Id, StringComparer.Ordinal).ToList()))
            .Concat([(Dimension.AntiPattern, shown.Where(p => !Order.Contains(p.Dimension)).ToList())])
            .Where(g => g.Item2.Count > 0)
            .ToList();
    }
}
