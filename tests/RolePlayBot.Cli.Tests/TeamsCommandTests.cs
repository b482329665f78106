using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;

namespace RolePlayBot.Cli.Tests;

public sealed class TeamsCommandTests
{
    private const string AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    [Fact]
    public async Task Package_writes_a_zip_with_a_1_22_manifest_and_both_icons_at_its_root()
    {
        var zipPath = Path.Combine(Directory.CreateTempSubdirectory("rpb-teams-").FullName, "app.zip");

        var result = await RpbProcess.RunAsync(["teams", "package", "--app-id", AppId, "--host", "Bot.Example.com", "--out", zipPath]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        var root = manifest.RootElement;
        Assert.Equal("1.22", root.GetProperty("manifestVersion").GetString());
        Assert.EndsWith("/v1.22/MicrosoftTeams.schema.json", root.GetProperty("$schema").GetString());
        Assert.Equal(AppId, root.GetProperty("id").GetString());
        Assert.Equal(["bot.example.com"], root.GetProperty("validDomains").EnumerateArray().Select(d => d.GetString()));
        foreach (var url in root.GetProperty("developer").EnumerateObject().Where(p => p.Name.EndsWith("Url", StringComparison.Ordinal)))
        {
            Assert.StartsWith("https://bot.example.com/", url.Value.GetString());
        }

        Assert.InRange(root.GetProperty("name").GetProperty("short").GetString()!.Length, 1, 30);
        Assert.InRange(root.GetProperty("name").GetProperty("full").GetString()!.Length, 1, 80);
        Assert.InRange(root.GetProperty("description").GetProperty("short").GetString()!.Length, 1, 80);
        Assert.StartsWith("电商客服", root.GetProperty("description").GetProperty("full").GetString());
        var bot = root.GetProperty("bots").EnumerateArray().Single();
        Assert.Equal(AppId, bot.GetProperty("botId").GetString());
        Assert.Equal(["personal", "team", "groupChat"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var commands = bot.GetProperty("commandLists")[0].GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString());
        Assert.Equal(["help", "personas", "start", "hint", "end", "mode"], commands);

        var color = ReadPng(zip.GetEntry("color.png")!);
        var outline = ReadPng(zip.GetEntry("outline.png")!);
        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.All(Pixels(outline.Rgba), p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), "outline.png must be white on transparent"));
        Assert.Contains(Pixels(outline.Rgba), p => p.A == 255);
        Assert.Contains(Pixels(outline.Rgba), p => p.A == 0);
        Assert.All(Pixels(color.Rgba), p => Assert.Equal(255, p.A));
    }

    [Theory]
    [InlineData("not-a-guid", "bot.example.com", "--app-id")]
    [InlineData(AppId, "https://bot.example.com", "--host")]
    [InlineData(AppId, "bot.example.com/api", "--host")]
    public async Task Package_refuses_a_bad_app_id_or_a_host_with_a_scheme_or_path(string appId, string host, string named)
    {
        var zipPath = Path.Combine(Directory.CreateTempSubdirectory("rpb-teams-").FullName, "app.zip");

        var result = await RpbProcess.RunAsync(["teams", "package", "--app-id", appId, "--host", host, "--out", zipPath]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Stderr);
        Assert.False(File.Exists(zipPath));
    }

    /// <summary>Reads the PNGs rpb writes: one IDAT, 8-bit RGBA, filter "none" on every row (checked).</summary>
    private static (int Width, int Height, byte[] Rgba) ReadPng(ZipArchiveEntry entry)
    {
        using var stream = new MemoryStream();
        entry.Open().CopyTo(stream);
        var png = stream.ToArray();
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at + 8));
                height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at + 12));
                Assert.Equal(8, png[at + 16]);
                Assert.Equal(6, png[at + 17]);
            }
            else if (type == "IDAT")
            {
                idat.Write(png, at + 8, length);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(raw);
        }

        var rows = raw.ToArray();
        Assert.Equal(height * ((width * 4) + 1), rows.Length);
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, rows[y * ((width * 4) + 1)]);
            Array.Copy(rows, (y * ((width * 4) + 1)) + 1, rgba, y * width * 4, width * 4);
        }

        return (width, height, rgba);
    }

    private static IEnumerable<(byte R, byte G, byte B, byte A)> Pixels(byte[] rgba)
    {
        for (var i = 0; i < rgba.Length; i += 4)
        {
            yield return (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]);
        }
    }
}
