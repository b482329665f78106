namespace RolePlayBot.Core.Personas;

/// <summary>The outcome of reading one persona file: the persona when it is valid, otherwise the errors.</summary>
public sealed record PersonaFileResult(Persona? Persona, IReadOnlyList<PersonaError> Errors)
{
    public bool IsValid => Persona is not null && Errors.Count == 0;
}
