namespace RolePlayBot.Bot.BotFramework;

/// <summary>
/// The Bot Framework's own top-level settings, under the names Azure Bot Service and the SDKs use, so an existing
/// bot registration's configuration works unchanged. No app id means authentication is off (Emulator, local work).
/// </summary>
public sealed class BotFrameworkOptions
{
    public const string SingleTenant = "SingleTenant";
    public const string MultiTenant = "MultiTenant";
    public const string UserAssignedMsi = "UserAssignedMSI";

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>SingleTenant | MultiTenant | UserAssignedMSI; empty means MultiTenant, as in the SDK.</summary>
    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    public string AppType => string.IsNullOrWhiteSpace(MicrosoftAppType) ? MultiTenant : MicrosoftAppType.Trim();

    public bool IsType(string appType) => string.Equals(AppType, appType, StringComparison.OrdinalIgnoreCase);
}
