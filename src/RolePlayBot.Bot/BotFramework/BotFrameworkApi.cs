using System.Text.Json;
using Microsoft.Extensions.Options;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Turns;

namespace RolePlayBot.Bot.BotFramework;

/// <summary>
/// POST /api/messages as the Bot Connector calls it: authenticate, parse, trust the serviceUrl, hand the activity on,
/// and answer at once (the turn runs in the background; invokes get their synchronous body). Bad input is a 4xx
/// with a reason, never a 500.
/// </summary>
public static class BotFrameworkApi
{
    public const string Route = "/api/messages";

    /// <summary>Direct Line caps activities at 256K characters; Teams at ~100 KB. Anything past 1 MiB is not an activity.</summary>
    public const int MaxActivityBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapBotFrameworkApi(this IEndpointRouteBuilder app)
    {
        // Only POST is mapped, so routing answers other methods with 405.
        app.MapPost(Route, PostActivityAsync);
        return app;
    }

    private static async Task<IResult> PostActivityAsync(
        HttpContext http,
        IOptions<BotFrameworkOptions> options,
        BotTokenValidator validator,
        TrustedServiceUrls trusted,
        IActivityProcessor processor,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var log = loggers.CreateLogger(typeof(BotFrameworkApi).FullName!);

        // The token is checked before the body is even read, so unauthenticated callers learn nothing about parsing.
        var token = options.Value.AuthenticationEnabled
            ? await validator.ValidateAsync(http.Request.Headers.Authorization.ToString(), cancellationToken)
            : null;
        if (token is { Succeeded: false })
        {
            return Unauthorized(http, token.Failure!);
        }

        var body = await ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Activity too large", detail: $"the body exceeds {MaxActivityBytes} bytes");
        }

        var (activity, parseError) = Parse(body);
        if (activity is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad activity", detail: parseError);
        }

        if (token?.Authorize(activity) is { } denied)
        {
            log.LogWarning("Rejected a {Type} activity from {ChannelId}: {Reason}", activity.Type, activity.ChannelId, denied);
            return Unauthorized(http, denied);
        }

        trusted.Trust(activity.ServiceUrl!);
        var response = await processor.ProcessAsync(activity, cancellationToken);
        if (response is null)
        {
            return Results.Ok();
        }

        return response.Body is null
            ? Results.StatusCode(response.Status)
            : Results.Json(response.Body, BotJson.Options, statusCode: response.Status);
    }

    private static IResult Unauthorized(HttpContext http, string reason)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: reason);
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxActivityBytes"/>.</summary>
    internal static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxActivityBytes)
        {
            return null;
        }

        if (request.ContentLength is { } length)
        {
            // The usual case (channels send Content-Length): one array of the body's size, read into in place. A
            // 16 KB read buffer and a growing copy per activity were a tenth of the bot's allocations under load.
            var body = new byte[length];
            var filled = 0;
            while (filled < body.Length)
            {
                var got = await request.Body.ReadAsync(body.AsMemory(filled), cancellationToken);
                if (got == 0)
                {
                    return body[..filled];
                }

                filled += got;
            }

            // A body longer than its Content-Length is cut there by the server; anything past it is not ours to read.
            return body;
        }

        using var buffer = new MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxActivityBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static (Activity? Activity, string? Error) Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return (null, "the request has no body");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
        }
        catch (JsonException e)
        {
            return (null, $"the body is not a JSON activity (line {e.LineNumber + 1}, path {e.Path ?? "$"})");
        }

        return activity switch
        {
            null => (null, "the body is JSON null, not an activity"),
            { Type: null or "" } => (null, "the activity has no type"),
            { Conversation: null } or { Conversation.Id: null or "" } => (null, "the activity has no conversation id"),
            { ServiceUrl: null or "" } => (null, "the activity has no serviceUrl"),
            // A3112: a bot that cannot put its replies in the HTTP response must refuse expectReplies.
            _ when DeliveryMode(activity) == "expectReplies" => (null, "deliveryMode 'expectReplies' is not supported: replies are sent to the serviceUrl"),
            _ => (activity, null),
        };
    }

    private static string? DeliveryMode(Activity activity) =>
        activity.Extra is not null && activity.Extra.TryGetValue("deliveryMode", out var mode) && mode.ValueKind == JsonValueKind.String
            ? mode.GetString()
            : null;
}
