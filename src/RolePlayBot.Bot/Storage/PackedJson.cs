using System.IO.Compression;
using System.Text;

namespace RolePlayBot.Bot.Storage;

/// <summary>
/// Large JSON the bot stores for itself (a conversation's state with its session, an outbox reply with its card)
/// deflated and Base64-encoded behind a <see cref="Prefix"/>; small JSON stays as it is, and stored plain JSON reads
/// as before. SQLite has one writer: every byte a turn writes is written on its thread, and a session's state grows
/// by about 2.8 KB a turn, so packing it on the turn's own thread (a few tens of µs) saves the writer most of it.
/// </summary>
public static class PackedJson
{
    /// <summary>Marks packed text; JSON never starts with it.</summary>
    public const string Prefix = "~z1:";

    /// <summary>Below this many characters the text is stored as it is.</summary>
    public const int Threshold = 1024;

    public static string Pack(string json) => json.Length < Threshold ? json : Deflate(Encoding.UTF8.GetBytes(json));

    /// <summary><see cref="Pack(string)"/> for JSON already in UTF-8 (as it goes on the wire).</summary>
    public static string Pack(ReadOnlySpan<byte> utf8) => utf8.Length < Threshold ? Encoding.UTF8.GetString(utf8) : Deflate(utf8);

    private static string Deflate(ReadOnlySpan<byte> utf8)
    {
        using var packed = new MemoryStream(utf8.Length / 3);
        using (var deflate = new DeflateStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(utf8);
        }

        return string.Concat(Prefix, Convert.ToBase64String(packed.GetBuffer().AsSpan(0, (int)packed.Length)));
    }

    /// <summary>The JSON of <paramref name="stored"/>, packed or not, as UTF-8.</summary>
    public static byte[] Utf8(string stored)
    {
        if (!IsPacked(stored))
        {
            return Encoding.UTF8.GetBytes(stored);
        }

        var packed = Convert.FromBase64String(stored[Prefix.Length..]);
        using var deflate = new DeflateStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var json = new MemoryStream(packed.Length * 4);
        deflate.CopyTo(json);
        return json.ToArray();
    }

    /// <summary>The JSON of <paramref name="stored"/>, packed or not.</summary>
    public static string Unpack(string stored) => IsPacked(stored) ? Encoding.UTF8.GetString(Utf8(stored)) : stored;

    public static bool IsPacked(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);
}
