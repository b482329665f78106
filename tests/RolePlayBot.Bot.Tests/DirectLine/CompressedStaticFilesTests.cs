using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace RolePlayBot.Bot.Tests.DirectLine;

/// <summary>
/// The Web Chat bundle (3.9 MB) goes to browsers compressed, so a class opening the page at once does not pull 3.9 MB
/// each through the bot's uplink; what arrives, decompressed, is the bundle byte for byte.
/// </summary>
public sealed class CompressedStaticFilesTests(DirectLineFactory factory) : IClassFixture<DirectLineFactory>
{
    private const string Bundle = "/lib/webchat.js";

    private byte[] BundleOnDisk =>
        File.ReadAllBytes(Path.Combine(factory.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath, "lib", "webchat.js"));

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    public async Task The_bundle_goes_compressed_in_the_best_encoding_the_browser_accepts(string accepted, string encoding)
    {
        using var response = await GetAsync(Bundle, accepted);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.True(body.Length < BundleOnDisk.Length * 0.3, $"{body.Length} of {BundleOnDisk.Length} bytes");
        Assert.Equal(BundleOnDisk, Decompress(body, encoding));
    }

    [Fact]
    public async Task A_browser_that_accepts_no_compression_and_small_files_get_the_bytes_as_they_are()
    {
        using var plain = await GetAsync(Bundle, null);
        using var small = await GetAsync("/app.js", "gzip, br");

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(BundleOnDisk, await plain.Content.ReadAsByteArrayAsync());
        Assert.Empty(small.Content.Headers.ContentEncoding);
        Assert.Contains("createDirectLine", await small.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reload_revalidates_with_the_ETag_and_gets_304_and_HEAD_sends_no_body()
    {
        using var first = await GetAsync(Bundle, "gzip, br");
        var etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, Bundle);
        again.Headers.AcceptEncoding.ParseAdd("gzip, br");
        again.Headers.IfNoneMatch.Add(etag);
        using var revalidated = await factory.CreateClient().SendAsync(again);
        using var head = new HttpRequestMessage(HttpMethod.Head, Bundle);
        head.Headers.AcceptEncoding.ParseAdd("br");
        using var headers = await factory.CreateClient().SendAsync(head);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, headers.StatusCode);
        Assert.Equal(first.Content.Headers.ContentLength, headers.Content.Headers.ContentLength);
        Assert.Empty(await headers.Content.ReadAsByteArrayAsync());
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await factory.CreateClient().SendAsync(request);
    }

    private static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decompressor = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decompressor.CopyTo(output);
        return output.ToArray();
    }
}
