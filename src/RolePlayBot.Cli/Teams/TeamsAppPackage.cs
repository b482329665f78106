using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RolePlayBot.Cli.Teams;

/// <summary>The zip Teams sideloads: manifest.json, color.png and outline.png at its root.</summary>
public static partial class TeamsAppPackage
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A host name as validDomains and https URLs need it: no scheme, path, port or wildcard.</summary>
    public static string? CheckHost(string host) =>
        HostPattern().IsMatch(host) && host.Length <= 253
            ? null
            : $"--host must be a host name such as bot.example.com (no https://, path, port or *), not '{host}'.";

    public static void Write(string path, Guid appId, string host)
    {
        var manifest = TeamsManifest.Build(appId, host.ToLowerInvariant());
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        Add(zip, "manifest.json", Encoding.UTF8.GetBytes(manifest.ToJsonString(Indented)));
        Add(zip, "color.png", TeamsIcons.Color());
        Add(zip, "outline.png", TeamsIcons.Outline());
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")]
    private static partial Regex HostPattern();
}
