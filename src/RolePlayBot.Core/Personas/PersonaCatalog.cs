namespace RolePlayBot.Core.Personas;

/// <summary>The personas loaded from one folder, with the problems of the files that were skipped.</summary>
public sealed class PersonaCatalog
{
    public PersonaCatalog(IReadOnlyList<Persona> personas, IReadOnlyList<PersonaError>? errors = null)
    {
        All = personas;
        Errors = errors ?? [];
    }

    /// <summary>Every valid persona, in file-name order.</summary>
    public IReadOnlyList<Persona> All { get; }

    /// <summary>Problems of the files that were skipped (empty when every file loaded).</summary>
    public IReadOnlyList<PersonaError> Errors { get; }

    public bool HasErrors => Errors.Count > 0;

    /// <summary>Distinct persona ids, in file-name order.</summary>
    public IReadOnlyList<string> Ids => All.Select(p => p.Id).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The persona with this id in the requested locale; failing that the zh-CN version (the courses' own
    /// language), failing that any version. Null when no persona has the id.
    /// </summary>
    public Persona? Find(string id, string? locale = null)
    {
        var candidates = All.Where(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var wanted = locale is null ? Locales.Chinese : Locales.Normalize(locale);
        return candidates.FirstOrDefault(p => p.Locale == wanted)
            ?? candidates.FirstOrDefault(p => p.Locale == Locales.Chinese)
            ?? candidates[0];
    }

    /// <summary>The locales this persona is available in.</summary>
    public IReadOnlyList<string> LocalesOf(string id) =>
        All.Where(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase)).Select(p => p.Locale).ToList();
}
