namespace RolePlayBot.Bot.BotFramework;

/// <summary>The bearer token for outbound Connector calls (audience https://api.botframework.com), or null when authentication is off.</summary>
public interface IConnectorTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken = default);
}
