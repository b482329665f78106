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

    // Each turn packs its state and its replies: the compressed bytes go into this thread's buffer and from there
    // straight into the one string that is stored (a growing buffer and two string copies per value were a tenth of
    // the bot's allocations under load).
    [ThreadStatic]
    private static MemoryStream? buffer;

    private static string Deflate(ReadOnlySpan<byte> utf8)
    {
        var packed = buffer ??= new MemoryStream(16 * 1024);
        packed.SetLength(0);
        using (var deflate = new DeflateStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(utf8);
        }

        var bytes = new ReadOnlySpan<byte>(packed.GetBuffer(), 0, (int)packed.Length);
        var text = string.Create(Prefix.Length + (((bytes.Length + 2) / 3) * 4), packed, static (chars, stream) =>
        {
            Prefix.CopyTo(chars);
            Convert.TryToBase64Chars(new ReadOnlySpan<byte>(stream.GetBuffer(), 0, (int)stream.Length), chars[Prefix.Length..], out _);
        });
        if (packed.Capacity > 256 * 1024)
        {
            buffer = null;
        }

        return text;
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
