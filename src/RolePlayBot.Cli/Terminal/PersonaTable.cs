using RolePlayBot.Core.Personas;
using Spectre.Console;

namespace RolePlayBot.Cli.Terminal;

/// <summary>The persona list as a table.</summary>
internal static class PersonaTable
{
    /// <summary>Listing order: Chinese first (the courses' language), then easiest first.</summary>
    public static IReadOnlyList<Persona> Ordered(IEnumerable<Persona> personas) =>
        personas.OrderBy(p => Core.Locales.IsChinese(p.Locale) ? 0 : 1).ThenBy(p => p.Difficulty).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();

    public static void Write(IReadOnlyList<Persona> personas)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("#", "id", "name", "locale", "dimension", "difficulty");
        for (var i = 0; i < personas.Count; i++)
        {
            var p = personas[i];
            table.AddRow(
                (i + 1).ToString(),
                Markup.Escape(p.Id),
                Markup.Escape(p.Name),
                p.Locale,
                p.Dimension.ToString().ToLowerInvariant(),
                new string('★', p.Difficulty) + new string('☆', 5 - p.Difficulty));
        }

        AnsiConsole.Write(table);
    }
}
