namespace RolePlayBot.Core.Personas.Loading;

/// <summary>A text value together with the file line it came from, so later checks can point at it.</summary>
internal readonly record struct LocatedText(string Text, int Line);
