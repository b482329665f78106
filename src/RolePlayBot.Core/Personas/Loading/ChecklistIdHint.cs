namespace RolePlayBot.Core.Personas.Loading;

/// <summary>The error text for an unknown checklist id, with the nearest known id when there is one.</summary>
internal static class ChecklistIdHint
{
    public static string UnknownMessage(string id, IReadOnlySet<string> known) =>
        EditDistance.Nearest(id, known) is { } nearest
            ? $"unknown checklist id '{id}' (did you mean '{nearest}'?)"
            : $"unknown checklist id '{id}'; known ids: {string.Join(", ", known.Order(StringComparer.Ordinal))}";
}
