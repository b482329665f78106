using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace RolePlayBot.Bot.DirectLine;

/// <summary>
/// What the Web Chat page asks the server: its settings (/webchat/config) and a token for a new conversation
/// (/webchat/token), from the embedded Direct Line or, in azure mode, from Azure's.
/// </summary>
internal static partial class WebChatApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/webchat/config", Config);
        app.MapPost("/webchat/token", TokenAsync);
    }

    /// <summary>domain null means the embedded Direct Line under the page's own origin.</summary>
    private static IResult Config(IOptions<DirectLineOptions> options) => Results.Ok(new
    {
        mode = options.Value.IsAzure ? DirectLineOptions.AzureMode : DirectLineOptions.EmbeddedMode,
        domain = options.Value.IsAzure ? options.Value.AzureEndpoint : null,
        botName = options.Value.BotName,
        defaultLocale = "zh-CN",
    });

    private static async Task<IResult> TokenAsync(TokenRequest? request, IOptions<DirectLineOptions> options, DirectLineTokens tokens,
        IServiceProvider services, ILogger<AzureDirectLineTokens> log, CancellationToken cancellationToken)
    {
        var userId = request?.UserId;
        if (userId is null || !UserIdPattern().IsMatch(userId))
        {
            return DirectLineErrors.BadArgument("userId: 1–64 letters, digits or _-.: characters.");
        }

        if (!options.Value.IsAzure)
        {
            var conversationId = DirectLineStore.NewConversationId();
            return Results.Ok(new { token = tokens.Issue(conversationId, userId), conversationId, userId, expires_in = tokens.LifetimeSeconds });
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

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex UserIdPattern();

    private sealed record TokenRequest(string? UserId);
}
