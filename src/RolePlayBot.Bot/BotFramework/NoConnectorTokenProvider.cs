namespace RolePlayBot.Bot.BotFramework;

/// <summary>Authentication off (no app id): outbound calls carry no Authorization header, as the SDK does.</summary>
public sealed class NoConnectorTokenProvider : IConnectorTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
}
