using RolePlayBot.Core.Personas;

namespace RolePlayBot.Core.Tests.Personas;

/// <summary>The persona files the project ships, loaded once for all tests that look at them.</summary>
internal static class ShippedPersonaFiles
{
    private static readonly Lazy<PersonaCatalog> LoadedCatalog = new(() => new PersonaLoader().LoadFolder(RepoPaths.Personas));

    public static PersonaCatalog Catalog => LoadedCatalog.Value;

    /// <summary>Every shipped persona file name (not the template), as xunit theory data.</summary>
    public static TheoryData<string> FileNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Personas, "*.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith('_'))
            {
                data.Add(name);
            }
        }

        return data;
    }
}
