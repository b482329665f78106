using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Personas;

namespace RolePlayBot.Core;

/// <summary>
/// Where a host finds its trainer-editable files: personas/, checklist.yaml and prompts/. Each can be configured;
/// unset ones come from the nearest folder upwards that holds personas/ and checklist.yaml (the repository, or an
/// installed copy), so the programs run from a clone with no settings.
/// </summary>
public sealed record PracticeFiles(string Root, string PersonasPath, string ChecklistPath, string PromptsPath)
{
    public static PracticeFiles Resolve(string? personas, string? checklist, string? prompts, params string[] searchFrom)
    {
        var root = FindRoot(searchFrom);
        return new PracticeFiles(
            root,
            Choose(personas, root, "personas"),
            Choose(checklist, root, ChecklistLoader.FileName),
            Choose(prompts, root, "prompts"));
    }

    public ChecklistDefinition LoadChecklist() => ChecklistLoader.Load(ChecklistPath);

    /// <summary>Loads every persona; broken files are reported in the catalog's errors and skipped.</summary>
    public PersonaCatalog LoadPersonas(ChecklistDefinition checklist) => NewPersonaLoader(checklist).LoadFolder(PersonasPath);

    /// <summary>A loader that knows the checklist's custom item ids as well as the 13 contract ids.</summary>
    public static PersonaLoader NewPersonaLoader(ChecklistDefinition checklist) =>
        new(checklist.Items.Select(i => i.Id).Where(id => !ChecklistItemIds.All.Contains(id)));

    private static string Choose(string? configured, string root, string name) =>
        string.IsNullOrWhiteSpace(configured) ? Path.Combine(root, name) : Path.GetFullPath(configured);

    private static string FindRoot(string[] searchFrom)
    {
        foreach (var start in searchFrom.Append(Directory.GetCurrentDirectory()).Append(AppContext.BaseDirectory))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "personas")) && File.Exists(Path.Combine(dir.FullName, ChecklistLoader.FileName)))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
