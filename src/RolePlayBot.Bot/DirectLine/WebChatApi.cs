using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace RolePlayBot.Bot.DirectLine;

/// <summary>
/// What the Web Chat page asks the server: its settings (/webchat/config) and a token for a new conversation
/// (/webchat/token), from the embedded Direct Line or, in azure mode, from Azure's.
/// </summary>
/// <remarks>
/// On the embedded Direct Line a token comes with a resume ticket the page keeps: handed back by the same user, it
/// gets a token for the same conversation, so a reloaded page or a restarted bot goes on with the practice session
/// stored under it instead of starting over. The ticket is protected by the app's Data Protection key ring, which
/// lives in the database, so it survives restarts and works on every instance; it expires after
/// <see cref="ResumeLifetime"/>.
/// </remarks>
internal static partial class WebChatApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/webchat/config", Config);
        app.MapPost("/webchat/token", TokenAsync);
    }

    /// <summary>
    /// domain null means the embedded Direct Line under the page's own origin. DirectLineJS appends "/conversations…"
    /// to the domain, so a configured trailing slash is dropped (Azure answers a doubled slash with 404).
    /// </summary>
    private static IResult Config(IOptions<DirectLineOptions> options) => Results.Ok(new
    {
        mode = options.Value.IsAzure ? DirectLineOptions.AzureMode : DirectLineOptions.EmbeddedMode,
        domain = options.Value.IsAzure ? options.Value.AzureEndpoint.TrimEnd('/') : null,
        botName = options.Value.BotName,
        defaultLocale = "zh-CN",
    });

    /// <summary>How long a page may come back to its conversation.</summary>
    public static readonly TimeSpan ResumeLifetime = TimeSpan.FromDays(30);

    private const string ResumePurpose = "RolePlayBot.WebChat.Resume";

    private static async Task<IResult> TokenAsync(TokenRequest? request, IOptions<DirectLineOptions> options, DirectLineTokens tokens,
        IServiceProvider services, TimeProvider time, ILogger<AzureDirectLineTokens> log, CancellationToken cancellationToken)
    {
        var userId = request?.UserId;
        if (userId is null || !UserIdPattern().IsMatch(userId))
        {
            return DirectLineErrors.BadArgument("userId: 1–64 letters, digits or _-.: characters.");
        }

        if (!options.Value.IsAzure)
        {
            var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ResumePurpose);
            var now = time.GetUtcNow();
            var resumed = Resumed(protector, request!.Resume, userId, now);
            var conversationId = resumed ?? DirectLineStore.NewConversationId();
            return Results.Ok(new
            {
                token = tokens.Issue(conversationId, userId),
                conversationId,
                userId,
                expires_in = tokens.LifetimeSeconds,
                resume = protector.Protect(string.Join('\n', conversationId, userId, (now + ResumeLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))),
                resumed = resumed is not null,
            });
        }

        var azureUserId = userId.StartsWith("dl_", StringComparison.Ordinal) ? userId : "dl_" + userId;
        try
        {
            var generated = await services.GetRequiredService<AzureDirectLineTokens>().GenerateAsync(azureUserId, cancellationToken);
            return Results.Ok(new { token = generated.Token, conversationId = generated.ConversationId, userId = azureUserId, expires_in = generated.ExpiresIn });
        }
        catch (HttpRequestException e)
        {
            log.LogError(e, "Azure Direct Line refused tokens/generate");
            return DirectLineErrors.Error(StatusCodes.Status502BadGateway, "DirectLineUnavailable", "Azure Direct Line did not issue a token.");
        }
    }

    /// <summary>The conversation a ticket names, when it is genuine, unexpired and was issued to this user; else null.</summary>
    private static string? Resumed(IDataProtector protector, string? ticket, string userId, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(ticket) || ticket.Length > 2048)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(ticket).Split('\n');
            return parts is [var conversationId, var user, var expires]
                && user == userId
                && long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var until) && now.ToUnixTimeSeconds() < until
                && ConversationIdPattern().IsMatch(conversationId)
                ? conversationId
                : null;
        }
        catch (CryptographicException)
        {
            // Forged, expired, or protected by a key ring this database no longer has: a new conversation.
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex UserIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex ConversationIdPattern();

    private sealed record TokenRequest(string? UserId, string? Resume = null);
}
