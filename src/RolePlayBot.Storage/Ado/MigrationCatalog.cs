using System.Globalization;
using System.Reflection;

namespace RolePlayBot.Storage.Ado;

/// <summary>Reads a provider's migrations from the embedded <c>Migrations/&lt;Provider&gt;/NNNN_name.sql</c> files.</summary>
internal static class MigrationCatalog
{
    public static IReadOnlyList<Migration> Load(string provider)
    {
        var assembly = typeof(MigrationCatalog).Assembly;
        var prefix = $"Migrations.{provider}.";
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Read(assembly, name, name[prefix.Length..^".sql".Length]))
            .OrderBy(migration => migration.Version)
            .ToList();
        if (migrations.Count == 0)
        {
            throw new InvalidOperationException($"No migrations are embedded for provider '{provider}'.");
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two {provider} migrations are numbered {duplicate.Key}.");
        }

        return migrations;
    }

    private static Migration Read(Assembly assembly, string resource, string fileName)
    {
        var separator = fileName.IndexOf('_');
        if (separator <= 0 || !int.TryParse(fileName[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration '{resource}' is not named NNNN_name.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd());
    }
}
