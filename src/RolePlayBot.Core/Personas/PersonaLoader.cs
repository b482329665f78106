using System.Security.Cryptography;
using System.Text;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Personas.Loading;

namespace RolePlayBot.Core.Personas;

/// <summary>
/// Reads persona files (Markdown with YAML front matter) and lints them. Bad content never throws: each broken
/// file is skipped and reported with its file, line and field, and the other personas still load.
/// </summary>
public sealed class PersonaLoader
{
    private const string FilePattern = "*.md";
    private readonly IReadOnlySet<string> _checklistIds;

    /// <param name="extraChecklistIds">Ids of custom checklist items that reactions and needs may also name.</param>
    public PersonaLoader(IEnumerable<string>? extraChecklistIds = null)
    {
        _checklistIds = new HashSet<string>(ChecklistItemIds.All.Concat(extraChecklistIds ?? []), StringComparer.Ordinal);
    }

    /// <summary>
    /// Loads every <c>*.md</c> file of <paramref name="folder"/> (not sub-folders) in file-name order, skipping files
    /// whose name starts with '_' (the template). A second file with the same (id, locale) is reported and skipped.
    /// </summary>
    public PersonaCatalog LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return new PersonaCatalog([], [new PersonaError(folder, 0, FrontMatter.Field, "the persona folder does not exist")]);
        }

        var personas = new List<Persona>();
        var errors = new List<PersonaError>();
        var firstFile = new Dictionary<(string Id, string Locale), string>();
        var files = Directory.EnumerateFiles(folder, FilePattern)
            .Where(f => !Path.GetFileName(f).StartsWith('_'))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var (result, idLine) = Read(file);
            errors.AddRange(result.Errors);
            if (result.Persona is not { } persona)
            {
                continue;
            }

            if (firstFile.TryGetValue((persona.Id, persona.Locale), out var first))
            {
                errors.Add(new PersonaError(file, idLine, "id",
                    $"id '{persona.Id}' with locale {persona.Locale} is already used by {Path.GetFileName(first)}"));
                continue;
            }

            firstFile[(persona.Id, persona.Locale)] = file;
            personas.Add(persona);
        }

        return new PersonaCatalog(personas, errors);
    }

    /// <summary>Reads and checks one file; an unreadable file is an error, not an exception.</summary>
    public PersonaFileResult LoadFile(string path) => Read(path).Result;

    /// <summary>Checks the content of one persona file; <paramref name="sourcePath"/> names it in errors and in the persona.</summary>
    public PersonaFileResult Parse(string sourcePath, byte[] content) => Parse(sourcePath, content, out _);

    private (PersonaFileResult Result, int IdLine) Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (new PersonaFileResult(null, [new PersonaError(path, 0, FrontMatter.Field, $"cannot read the file: {e.Message}")]), 0);
        }

        var result = Parse(path, bytes, out var idLine);
        return (result, idLine);
    }

    private PersonaFileResult Parse(string sourcePath, byte[] content, out int idLine)
    {
        var context = new ParseContext(sourcePath, lineOffset: 1, _checklistIds);
        var version = Convert.ToHexStringLower(SHA256.HashData(content));
        var persona = PersonaParser.Parse(context, Encoding.UTF8.GetString(content), version);
        if (persona is null && context.Errors.Count == 0)
        {
            context.Error(1, FrontMatter.Field, "the persona could not be read");
        }

        idLine = context.IdLine;
        return new PersonaFileResult(context.Errors.Count == 0 ? persona : null, context.Errors);
    }
}
