namespace RolePlayBot.Storage.Ado;

/// <summary>One numbered schema change; applied once, in number order, recorded in <c>schema_migrations</c>.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
