namespace RolePlayBot.Bot.Tests.Browser;

/// <summary>One Chromium for every browser test.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
