using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RolePlayBot.LoadTest;

/// <summary>
/// The Bot Connector on 127.0.0.1 that the bots under test send their replies to (the serviceUrl of every inbound
/// activity): <c>POST v3/conversations/{id}/activities[/{replyToId}]</c>. Each arrival is stamped the moment its body
/// is read and handed to the trainee who owns the conversation; it answers 200 with a ResourceResponse as Teams does.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Trainee> trainees = new(StringComparer.Ordinal);
    private long calls;
    private long unknown;

    private FakeConnector(WebApplication app) => this.app = app;

    public string ServiceUrl { get; private set; } = "";

    /// <summary>Calls received so far.</summary>
    public long Calls => Interlocked.Read(ref calls);

    /// <summary>Calls for a conversation no trainee owns (a previous step's late replies).</summary>
    public long Unknown => Interlocked.Read(ref unknown);

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var connector = new FakeConnector(builder.Build());
        connector.app.Run(connector.HandleAsync);
        await connector.app.StartAsync();
        var address = connector.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        connector.ServiceUrl = address + "/bench/";
        return connector;
    }

    public void Register(Trainee trainee) => trainees[trainee.ConversationId] = trainee;

    public void Unregister(Trainee trainee) => trainees.TryRemove(trainee.ConversationId, out _);

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var body = await ReadAsync(context.Request);
        var arrived = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref calls);
        try
        {
            var conversation = ConversationOf(context.Request.Path.Value ?? "");
            var activity = ConnectorActivity.Parse(body.AsSpan(0, body.Length));
            if (conversation is not null && trainees.TryGetValue(conversation, out var trainee))
            {
                trainee.OnActivity(activity, arrived);
            }
            else
            {
                Interlocked.Increment(ref unknown);
            }
        }
        finally
        {
            body.Return();
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"id\":\"1\"}");
    }

    /// <summary>"/bench/v3/conversations/{id}/activities/…" → id (Kestrel has already decoded the path).</summary>
    private static string? ConversationOf(string path)
    {
        const string marker = "/v3/conversations/";
        var start = path.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var end = path.IndexOf("/activities", start, StringComparison.Ordinal);
        return end < 0 ? null : path[start..end];
    }

    private static async Task<PooledBody> ReadAsync(HttpRequest request)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)(request.ContentLength ?? 16 * 1024) + 1);
        var length = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer.AsMemory(length))) > 0)
        {
            length += read;
            if (length == buffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }
        }

        return new PooledBody(buffer, length);
    }

    private readonly record struct PooledBody(byte[] Buffer, int Length)
    {
        public ReadOnlySpan<byte> AsSpan(int start, int length) => Buffer.AsSpan(start, length);

        public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
    }
}
