using RolePlayBot.Bot.BotFramework;

namespace RolePlayBot.Bot.Tests.BotFramework;

/// <summary>Stands in for MSAL / managed identity, which cannot reach Entra offline.</summary>
internal sealed class FakeTokenProvider : IConnectorTokenProvider
{
    private int requests;

    public int Requests => requests;

    public Task<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref requests);
        return Task.FromResult<string?>("fake-connector-token");
    }
}
