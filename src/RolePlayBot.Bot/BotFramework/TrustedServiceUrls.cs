using System.Collections.Concurrent;

namespace RolePlayBot.Bot.BotFramework;

/// <summary>
/// Service URLs that arrived on authenticated activities (their token's serviceurl claim matched). Only these may
/// receive the bot's outbound token (digest §3.5): a forged serviceUrl would otherwise collect it.
/// </summary>
public sealed class TrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, bool> urls = new(StringComparer.OrdinalIgnoreCase);

    public void Trust(string serviceUrl) => urls[Normalize(serviceUrl)] = true;

    public bool IsTrusted(string? serviceUrl) => !string.IsNullOrWhiteSpace(serviceUrl) && urls.ContainsKey(Normalize(serviceUrl));

    private static string Normalize(string serviceUrl) => serviceUrl.Trim().TrimEnd('/');
}
