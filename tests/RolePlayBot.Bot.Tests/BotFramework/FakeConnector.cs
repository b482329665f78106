using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RolePlayBot.Bot.Tests.BotFramework;

/// <summary>
/// A Bot Connector on 127.0.0.1 (real Kestrel, real HTTP): records every call and answers from a script, then with
/// 200 {"id":"reply-N"} once the script runs out.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> script = new();
    private readonly SemaphoreSlim received = new(0);
    private int count;

    private FakeConnector(WebApplication app) => this.app = app;

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    public string ServiceUrl { get; private set; } = "";

    /// <summary>Calls are answered only once the task this returns for them has completed (null: at once).</summary>
    public Func<RecordedCall, Task?>? AnswerAfter { get; set; }

    /// <summary>Every call's arrival and answer, in the order they happened ("arrived" / "answered").</summary>
    public ConcurrentQueue<(string Event, RecordedCall Call)> Timeline { get; } = new();

    /// <summary>Calls this returns true for are recorded, then never answered: a connector that hangs.</summary>
    public Func<RecordedCall, bool>? HoldWhen { get; set; }

    /// <summary>Answers a call by looking at it, before the script: a status and an optional JSON body; null falls through.</summary>
    public Func<RecordedCall, (int Status, string? Body)?>? Responder { get; set; }

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var connector = new FakeConnector(builder.Build());
        connector.app.Run(connector.HandleAsync);
        await connector.app.StartAsync();
        var address = connector.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        connector.ServiceUrl = address + "/amer/";
        return connector;
    }

    public void Then(int status, string? body = null, string? retryAfter = null) => script.Enqueue(async context =>
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        }
    });

    public async Task<RecordedCall> WaitForCallAsync()
    {
        Assert.True(await received.WaitAsync(TimeSpan.FromSeconds(10)), "the connector was never called");
        return Calls.Last();
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var call = new RecordedCall(
            context.Request.Method,
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Headers.Authorization.ToString(),
            body);
        Calls.Enqueue(call);
        Timeline.Enqueue(("arrived", call));
        if (AnswerAfter?.Invoke(call) is { } gate)
        {
            await gate;
        }

        if (HoldWhen?.Invoke(call) == true)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The caller went away (the bot process was killed).
            }

            return;
        }

        if (Responder?.Invoke(call) is { } answer)
        {
            context.Response.StatusCode = answer.Status;
            if (answer.Body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(answer.Body);
            }
        }
        else if (script.TryDequeue(out var respond))
        {
            await respond(context);
        }
        else
        {
            await context.Response.WriteAsJsonAsync(new { id = $"reply-{Interlocked.Increment(ref count)}" });
        }

        Timeline.Enqueue(("answered", call));
        received.Release();
    }
}

internal sealed record RecordedCall(string Method, string RawTarget, string Authorization, string Body);
