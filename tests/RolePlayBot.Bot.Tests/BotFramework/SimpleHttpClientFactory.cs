namespace RolePlayBot.Bot.Tests.BotFramework;

internal sealed class SimpleHttpClientFactory : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new();
}
