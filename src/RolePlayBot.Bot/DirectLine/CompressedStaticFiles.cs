using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace RolePlayBot.Bot.DirectLine;

/// <summary>
/// Serves wwwroot's large text files compressed — Brotli, else gzip, as the browser accepts — from copies made once
/// per file version and kept in memory. Web Chat's bundle is 3.9 MB; a class opening the page at once would otherwise
/// pull that much per trainee through the bot's uplink (about 0.8 MB compressed). Small files, other methods and
/// browsers that accept neither encoding go on to the static file middleware as before.
/// </summary>
/// <remarks>
/// Not ASP.NET Core's response compression middleware: it compresses every response afresh, seconds of CPU for a class
/// loading a 3.9 MB file. Not MapStaticAssets: its compressed copies are made at build time from wwwroot as the SDK
/// finds it, and the Web Chat bundle is copied in from npm during the build.
/// </remarks>
internal sealed class CompressedStaticFiles(IWebHostEnvironment environment, ILogger<CompressedStaticFiles> log)
{
    /// <summary>Files smaller than this are served as they are (compressing them saves less than it costs).</summary>
    public const long MinimumLength = 16 * 1024;

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly HashSet<string> Compressible = new(StringComparer.OrdinalIgnoreCase) { ".js", ".css", ".html", ".json", ".svg", ".map", ".txt" };
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _copies = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var path = request.Path.Value;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || string.IsNullOrEmpty(path) || path.EndsWith('/')
            || !Compressible.Contains(Path.GetExtension(path)) || Encoding(request) is not { } encoding
            || environment.WebRootFileProvider.GetFileInfo(path) is not { Exists: true, IsDirectory: false, Length: >= MinimumLength } file)
        {
            await next(context);
            return;
        }

        var version = Convert.ToString(file.LastModified.UtcTicks ^ file.Length, 16);
        var copy = await _copies.GetOrAdd($"{path}\n{version}\n{encoding}", _ => new Lazy<Task<byte[]>>(() => CompressAsync(file, encoding, path))).Value;
        var headers = context.Response.Headers;
        var etag = new EntityTagHeaderValue($"\"{version}-{encoding}\"");
        headers.Vary = HeaderNames.AcceptEncoding;
        headers.ETag = etag.ToString();
        headers.LastModified = file.LastModified.ToString("R", CultureInfo.InvariantCulture);
        if (request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.ContentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        headers.ContentEncoding = encoding;
        context.Response.ContentLength = copy.Length;
        if (HttpMethods.IsGet(request.Method))
        {
            await context.Response.Body.WriteAsync(copy, context.RequestAborted);
        }
    }

    /// <summary>"br" or "gzip", whichever the request accepts (Brotli first: smaller); null for neither.</summary>
    private static string? Encoding(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        bool Accepts(string name) => accepted.Any(a => a.Value.Equals(name, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);
        return Accepts("br") ? "br" : Accepts("gzip") ? "gzip" : null;
    }

    private async Task<byte[]> CompressAsync(IFileInfo file, string encoding, string path)
    {
        var started = TimeProvider.System.GetTimestamp();
        using var output = new MemoryStream();
        await using (var source = file.CreateReadStream())
        await using (Stream compressor = encoding == "br"
            ? new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true)
            : new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            await source.CopyToAsync(compressor);
        }

        log.LogInformation("Compressed {Path} with {Encoding} once: {Length} → {Compressed} bytes in {Elapsed:F0} ms",
            path, encoding, file.Length, output.Length, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        return output.ToArray();
    }
}
