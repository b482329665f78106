using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RolePlayBot.Bot.BotFramework;
using RolePlayBot.Bot.Conversations;
using RolePlayBot.Bot.Limits;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Turns;

namespace RolePlayBot.Bot.DirectLine;

/// <summary>
/// Direct Line 3.0 as botframework-directlinejs (inside Web Chat) uses it: start, resume, token refresh, post,
/// poll, and the WebSocket stream (<see cref="DirectLineStream"/>).
/// </summary>
internal static class DirectLineApi
{
    public const string BasePath = "/v3/directline";

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BasePath);
        api.MapPost("/conversations", StartAsync);
        api.MapGet("/conversations/{conversationId}", Resume);
        api.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        api.MapGet("/conversations/{conversationId}/activities", GetActivities);
        api.MapGet("/conversations/{conversationId}/stream", DirectLineStream.RunAsync);
        api.MapPost("/tokens/refresh", Refresh);
        api.MapPost("/tokens/generate", GenerateAsync);
        api.MapGet("/session/getsessionid", SessionId);
    }

    /// <summary>
    /// Starts the conversation the token is for (201; 200 when it already started) and tells the bot that the bot and
    /// the user joined, since Web Chat sends the user id with the request. A secret starts a new conversation.
    /// </summary>
    private static async Task<IResult> StartAsync(HttpContext http, DirectLineAuth auth, DirectLineTokens tokens, DirectLineStore store,
        DirectLineChannel channel, TimeProvider time, ILogger<DirectLineStore> log)
    {
        var failure = auth.Authorize(http.Request, null, out var grant);
        if (failure is not null)
        {
            return failure;
        }

        var body = await ReadAsync<StartConversationRequest>(http.Request);
        var userId = grant?.UserId ?? body?.User?.Id;
        if (string.IsNullOrWhiteSpace(userId))
        {
            userId = "dl_" + DirectLineStore.NewConversationId();
        }

        var user = new ChannelAccount { Id = userId, Name = body?.User?.Name, Role = "user" };
        var conversation = store.Start(grant?.ConversationId ?? DirectLineStore.NewConversationId(), user, out var created);
        var token = tokens.Issue(conversation.Id, conversation.User.Id);
        var response = new
        {
            conversationId = conversation.Id,
            token,
            expires_in = tokens.LifetimeSeconds,
            streamUrl = StreamUrl(http.Request, tokens, conversation, null),
        };
        if (!created)
        {
            return Results.Ok(response);
        }

        var joined = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            // Unique per start: a conversation resumed after a restart starts here again, and the bot must not take that
            // for the first start's activity, which it has handled already.
            Id = $"{conversation.Id}|start|{DirectLineStore.NewConversationId()[..8]}",
            Timestamp = time.GetUtcNow(),
            ServiceUrl = DirectLineChannel.ServiceUrl,
            ChannelId = DirectLineChannel.ChannelId,
            Conversation = new ConversationAccount { Id = conversation.Id },
            From = conversation.User,
            Recipient = channel.Bot,
            Locale = body?.Locale,
            MembersAdded = [channel.Bot, conversation.User],
        };
        try
        {
            await Processor(http).ProcessAsync(joined, http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // DirectLineJS never retries a failed start, so the conversation starts anyway; the user can still write.
            log.LogWarning(e, "The bot did not accept the conversationUpdate of Direct Line conversation {ConversationId}", conversation.Id);
        }

        return Results.Created($"{BasePath}/conversations/{conversation.Id}", response);
    }

    /// <summary>Reconnect: a fresh streamUrl that replays from the client's watermark.</summary>
    private static IResult Resume(string conversationId, string? watermark, HttpContext http, DirectLineAuth auth, DirectLineTokens tokens, DirectLineStore store)
    {
        var failure = auth.Authorize(http.Request, conversationId, out _);
        if (failure is not null)
        {
            return failure;
        }

        var conversation = store.Find(conversationId);
        return conversation is null
            ? DirectLineErrors.NotFound(conversationId)
            : Results.Ok(new
            {
                conversationId,
                token = DirectLineAuth.Bearer(http.Request),
                expires_in = tokens.LifetimeSeconds,
                streamUrl = StreamUrl(http.Request, tokens, conversation, ParseWatermark(watermark)),
            });
    }

    /// <summary>
    /// Stores the client's activity as the channel would (id, timestamp, channelId, conversation, recipient; from and
    /// channelData untouched), echoes it to the client, which waits for that echo before it shows "Sent", and hands it
    /// to the bot.
    /// </summary>
    private static async Task<IResult> PostActivityAsync(string conversationId, HttpContext http, DirectLineAuth auth, DirectLineStore store,
        DirectLineChannel channel, ILogger<DirectLineStore> log)
    {
        var failure = auth.Authorize(http.Request, conversationId, out _);
        if (failure is not null)
        {
            return failure;
        }

        var conversation = store.Find(conversationId);
        if (conversation is null)
        {
            return DirectLineErrors.NotFound(conversationId);
        }

        var body = await BotFrameworkApi.ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            return DirectLineErrors.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The activity exceeds {BotFrameworkApi.MaxActivityBytes} bytes.");
        }

        Activity? activity;
        try
        {
            activity = body.Length == 0 ? null : JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
        }
        catch (JsonException)
        {
            activity = null;
        }

        if (activity?.Type is null)
        {
            return DirectLineErrors.BadArgument("The body must be an activity with a type.");
        }

        activity.Id = null;
        activity.Timestamp = null;
        activity.ServiceUrl = null;
        activity.ChannelId = DirectLineChannel.ChannelId;
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        activity.Recipient = channel.Bot;
        activity.From ??= conversation.User;
        if (await TooFastAsync(http, activity, channel) is { } tooFast)
        {
            return tooFast;
        }

        var id = conversation.Append(activity);

        activity.ServiceUrl = DirectLineChannel.ServiceUrl;
        try
        {
            await Processor(http).ProcessAsync(activity, http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "The bot rejected activity {ActivityId}", id);
            return DirectLineErrors.Error(StatusCodes.Status502BadGateway, "BotRejectedActivity", "The bot did not accept the activity.");
        }

        return Results.Ok(new { id });
    }

    /// <summary>
    /// Over the rate limit: 429 with Retry-After before the activity is stored or echoed, so Web Chat marks it as not
    /// sent and the trainee can resend it (nothing is lost), plus, once, the bot's notice saying when.
    /// </summary>
    private static async Task<IResult?> TooFastAsync(HttpContext http, Activity activity, DirectLineChannel channel)
    {
        if (http.RequestServices.GetService<TraineeRateLimiter>() is not { Enabled: true } limiter || !RateLimitKeys.Counts(activity))
        {
            return null;
        }

        var decision = await limiter.CheckAsync(RateLimitKeys.User(activity), RateLimitKeys.Conversation(activity), http.RequestAborted);
        if (decision.Allowed)
        {
            return null;
        }

        var notice = InputTexts.TooFast(decision.RetryAfter, Core.Locales.IsChinese(activity.Locale));
        if (decision.Notify)
        {
            await channel.SendAsync(ConversationReference.From(activity), new Activity { Type = ActivityTypes.Message, Text = notice, Locale = activity.Locale }, http.RequestAborted);
        }

        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return DirectLineErrors.Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", notice);
    }

    /// <summary>Polling: the stored activities after the watermark (typing is only sent over the WebSocket).</summary>
    private static IResult GetActivities(string conversationId, string? watermark, HttpContext http, DirectLineAuth auth, DirectLineStore store)
    {
        var failure = auth.Authorize(http.Request, conversationId, out _);
        if (failure is not null)
        {
            return failure;
        }

        var conversation = store.Find(conversationId);
        return conversation is null
            ? DirectLineErrors.NotFound(conversationId)
            : Results.Text(conversation.Read(ParseWatermark(watermark)), "application/json", Encoding.UTF8);
    }

    private static IResult Refresh(HttpContext http, DirectLineAuth auth, DirectLineTokens tokens)
    {
        var failure = auth.Check(DirectLineAuth.Bearer(http.Request), DirectLineToken.ConversationScope, null, out var grant);
        return failure ?? Results.Ok(new
        {
            conversationId = grant!.ConversationId,
            token = tokens.Issue(grant.ConversationId, grant.UserId),
            expires_in = tokens.LifetimeSeconds,
        });
    }

    /// <summary>Secret → token for a new conversation, as Azure's: the conversation starts when the token first posts to /conversations.</summary>
    private static async Task<IResult> GenerateAsync(HttpContext http, DirectLineAuth auth, DirectLineTokens tokens)
    {
        var bearer = DirectLineAuth.Bearer(http.Request);
        if (bearer is null)
        {
            return DirectLineErrors.Unauthorized();
        }

        if (!auth.IsSecret(bearer))
        {
            return DirectLineErrors.Forbidden("Forbidden", "tokens/generate needs the Direct Line secret (WebChat:DirectLine:Secret).");
        }

        var body = await ReadAsync<StartConversationRequest>(http.Request);
        var conversationId = DirectLineStore.NewConversationId();
        return Results.Ok(new { conversationId, token = tokens.Issue(conversationId, body?.User?.Id), expires_in = tokens.LifetimeSeconds });
    }

    /// <summary>Only used by DirectLineJS for the OAuth "same browser" sign-in check; a stable id per conversation is enough.</summary>
    private static IResult SessionId(HttpContext http, DirectLineAuth auth)
    {
        var failure = auth.Authorize(http.Request, null, out var grant);
        if (failure is not null)
        {
            return failure;
        }

        var sessionId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("session|" + grant?.ConversationId)))[..32];
        return Results.Ok(new { sessionId });
    }

    internal static long ParseWatermark(string? watermark) => long.TryParse(watermark, out var value) && value > 0 ? value : 0;

    /// <summary>DirectLineJS opens the streamUrl as given, so it must be absolute ws(s)://, with its own short-lived token.</summary>
    private static string StreamUrl(HttpRequest request, DirectLineTokens tokens, DirectLineConversation conversation, long? watermark)
    {
        var scheme = string.Equals(request.Scheme, "https", StringComparison.OrdinalIgnoreCase) ? "wss" : "ws";
        var token = tokens.IssueStream(conversation.Id, conversation.User.Id);
        return $"{scheme}://{request.Host}{request.PathBase}{BasePath}/conversations/{Uri.EscapeDataString(conversation.Id)}/stream"
            + $"?watermark={(watermark is { } mark ? mark.ToString() : "-")}&t={Uri.EscapeDataString(token)}";
    }

    private static IActivityProcessor Processor(HttpContext http) =>
        http.RequestServices.GetService<IActivityProcessor>()
        ?? throw new InvalidOperationException("No IActivityProcessor is registered: the bot's logic is not wired into this host.");

    private static async Task<T?> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (request.ContentLength == 0 || !request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            return await request.ReadFromJsonAsync<T>(BotJson.Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
